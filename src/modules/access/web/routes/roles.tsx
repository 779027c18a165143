import { createFileRoute } from '@tanstack/react-router';
import { Can, useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { PermissionMatrix } from '../components/permission-matrix';
import { RoleEditorDialog } from '../components/role-editor-dialog';
import { RolesTable } from '../components/roles-table';
import { type Role, useDeleteRole, usePermissionCatalogue, useRoles } from '../queries';

export const Route = createFileRoute('/access/roles')({
  head: () => ({ meta: [{ title: 'Roles · Atrium' }] }),
  component: RolesPage,
});

function RolesPage() {
  const canManage = useCan('roles:manage');
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const [editing, setEditing] = useState<{ role?: Role } | undefined>();
  const [deleting, setDeleting] = useState<Role | undefined>();
  const deleteRole = useDeleteRole();
  const failed = [roles, catalogue].find((query) => query.isError);

  return (
    <>
      <PageHeader
        title="Roles"
        description="What each role may do. Built-in roles follow the modules; custom roles are yours to shape."
        actions={
          <Can permission="roles:manage">
            <Button onClick={() => setEditing({})}>
              <PlusIcon aria-hidden="true" />
              New role
            </Button>
          </Can>
        }
      />
      {failed && <ErrorState error={failed.error} onRetry={() => failed.refetch()} />}
      {!failed && (roles.isPending || catalogue.isPending) && <LoadingState label="Loading roles…" />}
      {roles.data && catalogue.data && (
        <div className="flex flex-col gap-10">
          <RolesTable
            roles={roles.data}
            canManage={canManage}
            onEdit={(role) => setEditing({ role })}
            onDelete={(role) => {
              deleteRole.reset();
              setDeleting(role);
            }}
          />
          <section aria-labelledby="matrix-heading" className="flex flex-col gap-3">
            <div>
              <h2 id="matrix-heading" className="font-semibold text-lg">
                Permission matrix
              </h2>
              <p className="text-muted-foreground text-sm">
                Every permission the enabled modules declare, by role.
              </p>
            </div>
            <PermissionMatrix roles={roles.data} catalogue={catalogue.data} />
          </section>
          <RoleEditorDialog
            open={editing !== undefined}
            onOpenChange={(open) => !open && setEditing(undefined)}
            role={editing?.role}
            catalogue={catalogue.data}
          />
          <ConfirmDialog
            open={deleting !== undefined}
            onOpenChange={(open) => !open && setDeleting(undefined)}
            title={`Delete ${deleting?.name ?? 'this role'}?`}
            description="A role can only be deleted once no member and no pending invitation uses it."
            confirmLabel="Delete role"
            pending={deleteRole.isPending}
            error={deleteRole.error}
            onConfirm={() =>
              deleting &&
              deleteRole.mutate(deleting.id, {
                onSuccess: () => {
                  toast.success(`${deleting.name} was deleted`);
                  setDeleting(undefined);
                },
              })
            }
          />
        </div>
      )}
    </>
  );
}
