import { Link } from '@tanstack/react-router';
import { formatDateTime, formatRelativeTime, useNow } from '@web/lib/time';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { useRecentAppChanges } from '../queries';

/** The app's last changes from the audit trail, for roles that may read it. */
export function RecentChanges({ appId }: { appId: string }) {
  const changes = useRecentAppChanges(appId);
  const now = useNow(60_000);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent changes</CardTitle>
        <CardDescription>From the audit trail.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {changes.isPending && <LoadingState label="Loading recent changes…" rows={1} />}
        {changes.isError && <ErrorState error={changes.error} onRetry={() => changes.refetch()} />}
        {changes.data && (
          <ol className="flex flex-col divide-y text-sm" aria-label="Recent changes">
            {changes.data.map((event) => (
              <li
                key={event.id}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-2"
              >
                <span>
                  <code className="font-mono text-xs">{event.action}</code>
                  <span className="text-muted-foreground"> by {event.actor.label}</span>
                </span>
                <time
                  dateTime={event.occurredAt}
                  title={formatDateTime(new Date(event.occurredAt))}
                  className="text-muted-foreground text-xs"
                >
                  {formatRelativeTime(new Date(event.occurredAt), now)}
                </time>
              </li>
            ))}
          </ol>
        )}
        <Link
          to="/audit"
          search={{ targetType: 'app', targetId: appId }}
          className="text-sm underline-offset-4 hover:underline"
        >
          All changes in the audit trail
        </Link>
      </CardContent>
    </Card>
  );
}
