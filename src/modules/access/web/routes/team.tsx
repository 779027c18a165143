import { createFileRoute } from '@tanstack/react-router';
import { useAccess, useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { InvitationsTable } from '../components/invitations-table';
import { InviteMemberDialog } from '../components/invite-member-dialog';
import { MembersTable } from '../components/members-table';
import { TeamActivity } from '../components/team-activity';
import { useInvitations, useMembers, useRoles } from '../queries';

type TeamTab = 'members' | 'activity';

export const Route = createFileRoute('/access/team')({
  head: () => ({ meta: [{ title: 'Team · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): { tab?: TeamTab } =>
    search.tab === 'activity' ? { tab: 'activity' } : {},
  component: TeamPage,
});

function TeamPage() {
  const access = useAccess();
  const canManage = useCan('team:manage');
  // Team activity comes from the audit trail, which only some roles may read.
  const canReadActivity = useCan('audit:read');
  const { tab = 'members' } = Route.useSearch();
  const navigate = Route.useNavigate();
  const roles = useRoles();
  const myRoleKey = access.data?.role?.key;

  return (
    <>
      <PageHeader
        title="Team"
        description={
          access.data?.tenant
            ? `The people in ${access.data.tenant.name}, their roles and what changed.`
            : 'Members and roles.'
        }
        actions={
          canManage && roles.data && <InviteMemberDialog roles={roles.data} isOwner={myRoleKey === 'owner'} />
        }
      />
      <Tabs
        value={canReadActivity ? tab : 'members'}
        onValueChange={(value) =>
          navigate({ search: value === 'activity' ? { tab: 'activity' } : {}, replace: true })
        }
      >
        <TabsList>
          <TabsTrigger value="members">Members</TabsTrigger>
          {canReadActivity && <TabsTrigger value="activity">Activity</TabsTrigger>}
        </TabsList>
        <TabsContent value="members">
          <MembersTab canManage={canManage} myRoleKey={myRoleKey} />
        </TabsContent>
        {canReadActivity && (
          <TabsContent value="activity">{roles.data && <TeamActivity roles={roles.data} />}</TabsContent>
        )}
      </Tabs>
    </>
  );
}

function MembersTab({ canManage, myRoleKey }: { canManage: boolean; myRoleKey: string | undefined }) {
  const members = useMembers();
  const invitations = useInvitations();
  const roles = useRoles();
  const waiting = invitations.data?.filter(
    (invitation) => invitation.status === 'pending' || invitation.status === 'expired',
  );
  const failed = [members, roles, invitations].find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => failed.refetch()} />;
  if (!members.data || !roles.data) return <LoadingState label="Loading the team…" />;
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="font-semibold text-lg">
          Members <span className="font-normal text-muted-foreground">{members.data.length}</span>
        </h2>
        <MembersTable members={members.data} roles={roles.data} canManage={canManage} myRoleKey={myRoleKey} />
      </section>
      {waiting && waiting.length > 0 && (
        <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
          <h2 id="invitations-heading" className="font-semibold text-lg">
            Pending invitations <span className="font-normal text-muted-foreground">{waiting.length}</span>
          </h2>
          <InvitationsTable invitations={waiting} canManage={canManage} myRoleKey={myRoleKey} />
        </section>
      )}
    </div>
  );
}
