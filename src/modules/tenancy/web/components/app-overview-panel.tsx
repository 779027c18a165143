import { Link } from '@tanstack/react-router';
import { Can } from '@web/lib/access';
import { formatDateTime } from '@web/lib/time';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import type { ReactNode } from 'react';
import { can } from '../permissions';
import { type AppOverview, useAppOverview } from '../queries';
import { EnvironmentBadge } from './environment-badge';
import { RecentChanges } from './recent-changes';

export function AppOverviewPanel({ appId }: { appId: string }) {
  const overview = useAppOverview(appId);
  if (overview.isPending) return <LoadingState label="Loading the overview…" rows={2} />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;
  const { app, project, activity } = overview.data;
  return (
    <div className="flex flex-col gap-6">
      <ActivitySummary activity={activity} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-3 text-sm">
              <Detail term="Project">
                <Link
                  to="/tenancy/apps"
                  search={{ projectId: project.id }}
                  className="underline-offset-4 hover:underline"
                >
                  {project.name}
                </Link>
              </Detail>
              <Detail term="Environment">
                <EnvironmentBadge environment={app.environment} />
              </Detail>
              <Detail term="App ID">
                <code className="select-all break-all font-mono text-xs">{app.id}</code>
              </Detail>
              <Detail term="Created">{formatDateTime(new Date(app.createdAt))}</Detail>
              <Detail term="Last changed">{formatDateTime(new Date(app.updatedAt))}</Detail>
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>IP allowlist</CardTitle>
            <CardDescription>
              {app.ipAllowlist.length === 0
                ? 'Any address may call with this app’s keys.'
                : 'Only these networks may call with this app’s keys.'}
            </CardDescription>
          </CardHeader>
          {app.ipAllowlist.length > 0 && (
            <CardContent>
              <ul className="flex flex-wrap gap-1.5" aria-label="Allowed networks">
                {app.ipAllowlist.map((cidr) => (
                  <li key={cidr} className="rounded-md border bg-muted/50 px-2 py-0.5 font-mono text-xs">
                    {cidr}
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </Card>
      </div>
      <Can permission={can.readAudit}>
        <RecentChanges appId={app.id} />
      </Can>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

const numberFormat = new Intl.NumberFormat();

/** The last 7 days. Figures a disabled module would record are shown as not recorded, not as zero. */
function ActivitySummary({ activity }: { activity: AppOverview['activity'] }) {
  const { traffic } = activity;
  const collected = traffic.source !== 'not_collected';
  const stats: { label: string; value: number | undefined; note: string }[] = [
    { label: 'Changes', value: activity.changes, note: 'Edits in the audit trail' },
    {
      label: 'API calls',
      value: collected ? traffic.calls : undefined,
      note: collected ? 'Made with this app’s keys' : 'The request log is disabled',
    },
    {
      label: 'Errors',
      value: collected ? traffic.errors : undefined,
      note: collected ? 'Calls answered 4xx or 5xx' : 'The request log is disabled',
    },
  ];
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
      <h2 id="activity-heading" className="font-semibold text-base">
        Last 7 days
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3">
        {stats.map((stat) => (
          <li key={stat.label} className="flex flex-col gap-1 rounded-xl border p-4">
            <span className="text-muted-foreground text-sm">{stat.label}</span>
            <span className="font-semibold text-2xl tabular-nums">
              {stat.value === undefined ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">Not recorded yet</span>
                </>
              ) : (
                numberFormat.format(stat.value)
              )}
            </span>
            <span className="text-muted-foreground text-xs">{stat.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
