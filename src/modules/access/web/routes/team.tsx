import { createFileRoute } from '@tanstack/react-router';
import { useAccess, useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { InvitationsTable } from '../components/invitations-table';
import { InviteMemberDialog } from '../components/invite-member-dialog';
import { MembersTable } from '../components/members-table';
import { useInvitations, useMembers, useRoles } from '../queries';

export const Route = createFileRoute('/access/team')({
  head: () => ({ meta: [{ title: 'Team · Atrium' }] }),
  component: TeamPage,
});

function TeamPage() {
  const access = useAccess();
  const canManage = useCan('team:manage');
  const members = useMembers();
  const invitations = useInvitations();
  const roles = useRoles();
  const myRoleKey = access.data?.role?.key;
  const waiting = invitations.data?.filter(
    (invitation) => invitation.status === 'pending' || invitation.status === 'expired',
  );
  const failed = [members, roles, invitations].find((query) => query.isError);

  return (
    <>
      <PageHeader
        title="Team"
        description={
          access.data?.tenant
            ? `The people in ${access.data.tenant.name} and their roles.`
            : 'Members and roles.'
        }
        actions={
          canManage && roles.data && <InviteMemberDialog roles={roles.data} isOwner={myRoleKey === 'owner'} />
        }
      />
      {failed && <ErrorState error={failed.error} onRetry={() => failed.refetch()} />}
      {!failed && (members.isPending || roles.isPending) && <LoadingState label="Loading the team…" />}
      {members.data && roles.data && (
        <div className="flex flex-col gap-10">
          <section aria-labelledby="members-heading" className="flex flex-col gap-3">
            <h2 id="members-heading" className="font-semibold text-lg">
              Members <span className="font-normal text-muted-foreground">{members.data.length}</span>
            </h2>
            <MembersTable
              members={members.data}
              roles={roles.data}
              canManage={canManage}
              myRoleKey={myRoleKey}
            />
          </section>
          {waiting && waiting.length > 0 && (
            <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
              <h2 id="invitations-heading" className="font-semibold text-lg">
                Pending invitations{' '}
                <span className="font-normal text-muted-foreground">{waiting.length}</span>
              </h2>
              <InvitationsTable invitations={waiting} canManage={canManage} myRoleKey={myRoleKey} />
            </section>
          )}
        </div>
      )}
    </>
  );
}
