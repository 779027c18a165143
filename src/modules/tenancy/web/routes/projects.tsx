import { createFileRoute } from '@tanstack/react-router';
import { Can, useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { FolderKanbanIcon, PlusIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { ProjectDialog } from '../components/project-dialog';
import { ProjectsTable } from '../components/projects-table';
import { can } from '../permissions';
import { type Project, useDeleteProject, useProjects } from '../queries';

export const Route = createFileRoute('/tenancy/projects')({
  head: () => ({ meta: [{ title: 'Projects · Atrium' }] }),
  component: ProjectsPage,
});

type Dialog = { kind: 'create' } | { kind: 'edit'; project: Project } | { kind: 'delete'; project: Project };

function ProjectsPage() {
  const projects = useProjects();
  const mayWrite = useCan(can.writeProjects);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const remove = useDeleteProject();
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const createButton = (
    <Button onClick={() => setDialog({ kind: 'create' })}>
      <PlusIcon aria-hidden="true" />
      New project
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Projects"
        description="Group your apps by integration or product line."
        actions={<Can permission={can.writeProjects}>{createButton}</Can>}
      />
      {projects.isPending && <LoadingState label="Loading projects…" />}
      {projects.isError && <ErrorState error={projects.error} onRetry={() => projects.refetch()} />}
      {projects.data?.length === 0 && (
        <EmptyState
          icon={<FolderKanbanIcon />}
          title="No projects yet"
          description={
            mayWrite
              ? 'Create a project for each integration or product line; its apps live inside it.'
              : 'Projects your team creates appear here.'
          }
          action={mayWrite ? createButton : undefined}
        />
      )}
      {projects.data && projects.data.length > 0 && (
        <ProjectsTable
          projects={projects.data}
          onEdit={(project) => setDialog({ kind: 'edit', project })}
          onDelete={(project) => setDialog({ kind: 'delete', project })}
        />
      )}
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <ProjectDialog
          open
          onOpenChange={(open) => !open && close()}
          project={dialog.kind === 'edit' ? dialog.project : undefined}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && close()}
          title={`Delete ${dialog.project.name}?`}
          description={
            dialog.project.appCount > 0
              ? `It still has ${dialog.project.appCount} app${dialog.project.appCount === 1 ? '' : 's'}; delete them first.`
              : 'The project is removed for good. It has no apps.'
          }
          confirmLabel="Delete project"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(dialog.project.id, {
              onSuccess: () => {
                toast.success('Project deleted', { description: dialog.project.name });
                close();
              },
            })
          }
        />
      )}
    </>
  );
}
