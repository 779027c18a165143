import { formError } from '@web/lib/form-errors';
import { Badge } from '@web/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { toast } from 'sonner';
import { type Member, type Role, useChangeMemberRole } from '../queries';
import { MemberAvatar } from './member-avatar';
import { RemoveMemberButton } from './remove-member-button';
import { RoleSelect } from './role-select';

interface MembersTableProps {
  members: readonly Member[];
  roles: readonly Role[];
  /** The caller holds team:manage. */
  canManage: boolean;
  /** The caller's own role key (`owner` unlocks the Owner role). */
  myRoleKey: string | undefined;
}

const joinedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function MembersTable({ members, roles, canManage, myRoleKey }: MembersTableProps) {
  const isOwner = myRoleKey === 'owner';
  const changeRole = useChangeMemberRole();
  // The server refuses these too; the table just does not offer them.
  const canRerole = (member: Member) =>
    canManage && (isOwner || (!member.isYou && member.role.key !== 'owner'));
  const canRemove = (member: Member) =>
    member.isYou || (canManage && (isOwner || member.role.key !== 'owner'));

  const onRoleChange = (member: Member, roleId: string) => {
    const role = roles.find((candidate) => candidate.id === roleId);
    changeRole.mutate(
      { memberId: member.id, roleId },
      {
        onSuccess: () => toast.success(`${member.user.name} is now ${role?.name ?? 'in a new role'}`),
        onError: (error) => toast.error(formError(error) ?? 'The role could not be changed.'),
      },
    );
  };

  return (
    <Table aria-label="Members">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Member</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Joined</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id} data-member={member.user.email}>
            <TableCell>
              <div className="flex items-center gap-3">
                <MemberAvatar name={member.user.name} email={member.user.email} />
                <div className="flex min-w-0 flex-col">
                  <span className="flex items-center gap-2 font-medium">
                    {member.user.name}
                    {member.isYou && <Badge variant="outline">You</Badge>}
                  </span>
                  <span className="truncate text-muted-foreground text-xs">{member.user.email}</span>
                </div>
              </div>
            </TableCell>
            <TableCell className="min-w-40">
              {canRerole(member) ? (
                <RoleSelect
                  aria-label={`Role of ${member.user.name}`}
                  roles={roles}
                  allowOwner={isOwner}
                  value={member.role.id}
                  disabled={changeRole.isPending}
                  onChange={(event) => onRoleChange(member, event.target.value)}
                  className="w-44"
                />
              ) : (
                <Badge variant="secondary">{member.role.name}</Badge>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              <time dateTime={member.joinedAt}>{joinedFormat.format(new Date(member.joinedAt))}</time>
            </TableCell>
            <TableCell>
              <Badge variant="outline" className="gap-1.5">
                <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
                Active
              </Badge>
            </TableCell>
            <TableCell className="text-right">
              {canRemove(member) && <RemoveMemberButton member={member} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
