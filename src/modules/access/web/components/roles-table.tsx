import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { LockIcon } from 'lucide-react';
import type { Role } from '../queries';

interface RolesTableProps {
  roles: readonly Role[];
  /** The caller holds roles:manage; built-in roles stay read-only regardless. */
  canManage: boolean;
  onEdit: (role: Role) => void;
  onDelete: (role: Role) => void;
}

export function RolesTable({ roles, canManage, onEdit, onDelete }: RolesTableProps) {
  return (
    <Table aria-label="Roles">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col" className="text-right">
            Permissions
          </TableHead>
          <TableHead scope="col" className="text-right">
            Members
          </TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {roles.map((role) => (
          <TableRow key={role.id} data-role={role.key}>
            <TableCell>
              <div className="flex flex-col gap-0.5">
                <span className="flex items-center gap-2 font-medium">
                  {role.name}
                  {role.builtIn ? (
                    <Badge variant="outline" className="gap-1 text-muted-foreground">
                      <LockIcon aria-hidden="true" />
                      Built-in
                    </Badge>
                  ) : (
                    <Badge variant="secondary">Custom</Badge>
                  )}
                </span>
                {role.description && (
                  <span className="text-muted-foreground text-xs">{role.description}</span>
                )}
              </div>
            </TableCell>
            <TableCell className="text-right tabular-nums">{role.permissions.length}</TableCell>
            <TableCell className="text-right tabular-nums">
              {role.memberCount}
              {role.pendingInvitationCount > 0 && (
                <span className="text-muted-foreground"> +{role.pendingInvitationCount} invited</span>
              )}
            </TableCell>
            <TableCell className="text-right">
              {canManage && !role.builtIn && (
                <div className="flex justify-end gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Edit ${role.name}`}
                    onClick={() => onEdit(role)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-destructive hover:text-destructive"
                    aria-label={`Delete ${role.name}`}
                    onClick={() => onDelete(role)}
                  >
                    Delete
                  </Button>
                </div>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
