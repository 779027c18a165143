import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { HistoryIcon } from 'lucide-react';
import { type Role, type TeamEvent, useTeamActivity } from '../queries';
import { describeTeamEvent } from '../team-event-text';
import { MemberAvatar } from './member-avatar';

/** The team's history from the audit trail: who invited, joined, left, changed roles. */
export function TeamActivity({ roles }: { roles: readonly Role[] }) {
  const activity = useTeamActivity();
  const now = useNow(60_000);
  const roleName = (key: unknown) =>
    typeof key === 'string' ? (roles.find((role) => role.key === key)?.name ?? key) : 'another role';

  if (activity.isPending) return <LoadingState label="Loading team activity…" />;
  if (activity.isError) return <ErrorState error={activity.error} onRetry={() => activity.refetch()} />;
  const events: TeamEvent[] = activity.data.pages.flatMap((page) => page.data);
  if (events.length === 0) {
    return (
      <EmptyState
        icon={<HistoryIcon />}
        title="No team activity yet"
        description="Invitations, new members, role changes and custom roles will show here."
      />
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ol aria-label="Team activity" className="flex flex-col divide-y rounded-xl border">
        {events.map((event) => (
          <li key={event.id} className="flex items-start gap-3 px-4 py-3">
            <MemberAvatar name={event.actor.label} email={event.actor.label} className="mt-0.5 size-7" />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <p className="text-sm">{describeTeamEvent(event, roleName)}</p>
              <p className="text-muted-foreground text-xs">
                <time dateTime={event.occurredAt} title={formatDateTime(new Date(event.occurredAt))}>
                  {formatRelativeTime(new Date(event.occurredAt), now)}
                </time>
                {event.ip && <span> · {event.ip}</span>}
              </p>
            </div>
          </li>
        ))}
      </ol>
      {activity.hasNextPage && (
        <div>
          <Button
            variant="outline"
            disabled={activity.isFetchingNextPage}
            onClick={() => activity.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}
