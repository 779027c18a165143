import { formatDateTime, formatRelativeTime } from '@web/lib/time';
import { cn } from '@web/lib/utils';
import { Badge } from '@web/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ArrowDownRightIcon, ArrowUpRightIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { LogsLink } from './logs-link';
import type { LogsFilter, Overview } from './queries';

const numberFormat = new Intl.NumberFormat();
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

export const formatCount = (value: number) => numberFormat.format(value);
const counted = (value: number, one: string, many: string) =>
  `${formatCount(value)} ${value === 1 ? one : many}`;
export const formatRate = (value: number) => percentFormat.format(value);
export const formatMs = (value: number | null) => (value === null ? '—' : `${numberFormat.format(value)} ms`);

/** "+12% vs previous period"; `upIsGood` colours the change. */
function TrendNote({ value, previous, upIsGood }: { value: number; previous: number; upIsGood: boolean }) {
  if (previous === 0) {
    return <span className="text-muted-foreground">{value === 0 ? 'No change' : 'New this period'}</span>;
  }
  const change = (value - previous) / previous;
  if (change === 0) return <span className="text-muted-foreground">No change</span>;
  const good = change > 0 === upIsGood;
  const Icon = change > 0 ? ArrowUpRightIcon : ArrowDownRightIcon;
  return (
    <span
      className={cn(
        'inline-flex items-center gap-0.5',
        good ? 'text-emerald-700 dark:text-emerald-400' : 'text-destructive',
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      {percentFormat.format(Math.abs(change))} {change > 0 ? 'up' : 'down'} on the previous period
    </span>
  );
}

function StatCard({
  title,
  value,
  note,
  filter,
  testId,
}: {
  title: string;
  value: string;
  note: ReactNode;
  filter: LogsFilter;
  testId: string;
}) {
  return (
    <LogsLink
      filter={filter}
      data-testid={testId}
      className="group block h-full rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <Card className="h-full gap-2 transition-colors group-hover:bg-accent/50">
        <CardHeader>
          <CardDescription>{title}</CardDescription>
          <CardTitle className="text-2xl tabular-nums">{value}</CardTitle>
        </CardHeader>
        <CardContent className="text-xs">{note}</CardContent>
      </Card>
    </LogsLink>
  );
}

export function StatCards({ overview, period }: { overview: Overview; period: LogsFilter }) {
  const { stats } = overview;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="Key figures">
      <li>
        <StatCard
          testId="stat-calls"
          title="API calls"
          value={formatCount(stats.calls.value)}
          note={<TrendNote value={stats.calls.value} previous={stats.calls.previous} upIsGood />}
          filter={period}
        />
      </li>
      <li>
        <StatCard
          testId="stat-error-rate"
          title="Error rate (5xx)"
          value={formatRate(stats.errorRate.value)}
          note={
            <span className="flex flex-col gap-0.5">
              <TrendNote value={stats.errorRate.value} previous={stats.errorRate.previous} upIsGood={false} />
              <span className="text-muted-foreground">
                {counted(stats.errors.value, 'server error', 'server errors')} ·{' '}
                {counted(stats.clientErrors.value, 'client error', 'client errors')} (4xx)
              </span>
            </span>
          }
          filter={{ ...period, statusClass: '5xx' }}
        />
      </li>
      <li>
        <StatCard
          testId="stat-p95"
          title="p95 latency"
          value={formatMs(stats.p95LatencyMs.value)}
          note={
            stats.p95LatencyMs.value !== null && stats.p95LatencyMs.previous !== null ? (
              <TrendNote
                value={stats.p95LatencyMs.value}
                previous={stats.p95LatencyMs.previous}
                upIsGood={false}
              />
            ) : (
              <span className="text-muted-foreground">
                Previous period: {formatMs(stats.p95LatencyMs.previous)}
              </span>
            )
          }
          filter={period}
        />
      </li>
      <li>
        <StatCard
          testId="stat-seats"
          title="Active seats"
          value={formatCount(stats.activeSeats.value)}
          note={
            <span className="flex flex-col gap-0.5">
              <TrendNote value={stats.activeSeats.value} previous={stats.activeSeats.previous} upIsGood />
              <span className="text-muted-foreground">
                {counted(stats.activeSeats.members, 'member', 'members')} ·{' '}
                {counted(stats.activeSeats.keys, 'API key', 'API keys')}
              </span>
            </span>
          }
          filter={period}
        />
      </li>
    </ul>
  );
}

export function EndpointTable({ overview, period }: { overview: Overview; period: LogsFilter }) {
  return (
    <Table aria-label="Endpoints">
      <TableHeader>
        <TableRow>
          <TableHead>Endpoint</TableHead>
          <TableHead className="text-right">Calls</TableHead>
          <TableHead className="text-right">Error rate</TableHead>
          <TableHead className="text-right">p95</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {overview.endpoints.map((endpoint) => (
          <TableRow key={`${endpoint.method} ${endpoint.route}`} data-testid="endpoint-row">
            <TableCell>
              <LogsLink
                filter={{ ...period, method: endpoint.method, route: endpoint.route }}
                className="inline-flex items-center gap-2 underline-offset-4 hover:underline"
              >
                <Badge variant="outline" className="font-mono text-xs">
                  {endpoint.method}
                </Badge>
                <span className="font-mono text-xs">{endpoint.route}</span>
              </LogsLink>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCount(endpoint.calls)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {endpoint.errors > 0 ? (
                <LogsLink
                  filter={{ ...period, method: endpoint.method, route: endpoint.route, statusClass: '5xx' }}
                  className="text-destructive underline-offset-4 hover:underline"
                >
                  {formatRate(endpoint.errorRate)}
                </LogsLink>
              ) : (
                formatRate(endpoint.errorRate)
              )}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMs(endpoint.p95LatencyMs)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const healthLook: Record<Overview['health']['status'], { label: string; className: string }> = {
  operational: {
    label: 'Operational',
    className:
      'border-emerald-300 bg-emerald-50 text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200',
  },
  degraded: {
    label: 'Degraded',
    className: 'border-amber-300 bg-amber-50 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200',
  },
  down: {
    label: 'Down',
    className: 'border-red-300 bg-red-50 text-red-900 dark:bg-red-500/10 dark:text-red-200',
  },
};

export function HealthWidget({ overview, period }: { overview: Overview; period: LogsFilter }) {
  const { health } = overview;
  const look = healthLook[health.status];
  return (
    <Card data-testid="api-health">
      <CardHeader>
        <div className="flex items-center justify-between gap-2">
          <CardTitle>API health</CardTitle>
          <Badge variant="outline" className={look.className}>
            {look.label}
          </Badge>
        </div>
        <CardDescription>
          Database {health.database === 'ok' ? 'reachable' : 'unreachable'}. An hour counts as up while under{' '}
          {formatRate(health.errorThreshold)} of its calls answer 5xx.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 text-sm">
          <div>
            <dt className="text-muted-foreground">Uptime</dt>
            <dd className="font-semibold text-xl tabular-nums">{health.uptimePercent}%</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">SLA ({health.slaTargetPercent}% target)</dt>
            <dd className="flex items-baseline gap-2">
              <span className="font-semibold text-xl tabular-nums">{health.successRatePercent}%</span>
              <span
                className={cn(
                  'text-xs',
                  health.slaMet ? 'text-emerald-700 dark:text-emerald-400' : 'text-destructive',
                )}
              >
                {health.slaMet ? 'Met' : 'Missed'}
              </span>
            </dd>
          </div>
        </dl>
        <LogsLink
          filter={{ ...period, statusClass: '5xx' }}
          className="mt-3 inline-block text-sm underline-offset-4 hover:underline"
        >
          See server errors
        </LogsLink>
      </CardContent>
    </Card>
  );
}

export function ActivityFeed({ overview }: { overview: Overview }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Activity</CardTitle>
        <CardDescription>The latest changes in this organisation.</CardDescription>
      </CardHeader>
      <CardContent>
        {overview.activity.length === 0 ? (
          <p className="text-muted-foreground text-sm">No activity to show.</p>
        ) : (
          <ol className="flex flex-col gap-3 text-sm" aria-label="Latest activity">
            {overview.activity.map((event) => (
              <li key={event.id} className="flex flex-col gap-0.5">
                <span>
                  <span className="font-medium">{event.actor}</span>{' '}
                  <code className="font-mono text-xs">{event.action}</code>
                  {event.target && <> · {event.target}</>}
                </span>
                <time
                  dateTime={event.occurredAt}
                  title={formatDateTime(new Date(event.occurredAt))}
                  className="text-muted-foreground text-xs"
                >
                  {formatRelativeTime(new Date(event.occurredAt))}
                </time>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
