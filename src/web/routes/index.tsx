import { createFileRoute } from '@tanstack/react-router';
import { useCan } from '@web/lib/access';
import { type OverviewCard, overviewCards } from '@web/overview/contributed-cards';
import { LogsLink } from '@web/overview/logs-link';
import { ActivityFeed, EndpointTable, HealthWidget, StatCards } from '@web/overview/overview-cards';
import { isUsageRange, USAGE_RANGES, type UsageRange, useOverview } from '@web/overview/queries';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { UsageChart } from '@web/ui/usage-chart';
import { ActivityIcon } from 'lucide-react';

export const Route = createFileRoute('/')({
  head: () => ({ meta: [{ title: 'Overview · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): { range?: UsageRange } =>
    isUsageRange(search.range) && search.range !== '24h' ? { range: search.range } : {},
  component: OverviewPage,
});

function OverviewPage() {
  const range = Route.useSearch().range ?? '24h';
  const navigate = Route.useNavigate();
  const overview = useOverview(range);
  const data = overview.data;
  const period = data ? { from: data.from, to: data.to } : undefined;

  return (
    <>
      <PageHeader
        title="Overview"
        description="Your API traffic, its health and the latest activity."
        actions={
          <fieldset className="flex rounded-lg border p-0.5" aria-label="Time range">
            {USAGE_RANGES.map((option) => (
              <button
                key={option.value}
                type="button"
                aria-pressed={option.value === range}
                onClick={() =>
                  navigate({ search: option.value === '24h' ? {} : { range: option.value }, replace: true })
                }
                className="rounded-md px-3 py-1 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-pressed:bg-primary aria-pressed:text-primary-foreground"
              >
                {option.value}
                <span className="sr-only"> ({option.label})</span>
              </button>
            ))}
          </fieldset>
        }
      />
      {overview.isPending ? (
        <LoadingState label="Loading the overview…" rows={4} />
      ) : overview.isError && !data ? (
        <ErrorState error={overview.error} onRetry={() => overview.refetch()} />
      ) : data && period ? (
        <div className="flex flex-col gap-6" aria-busy={overview.isPlaceholderData}>
          <StatCards overview={data} period={period} />
          <div className="grid gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2">
              <CardHeader>
                <CardTitle>Calls and errors</CardTitle>
                <CardDescription>
                  Per {data.granularity} over the last{' '}
                  {USAGE_RANGES.find((option) => option.value === range)?.label}.
                </CardDescription>
              </CardHeader>
              <CardContent>
                {data.stats.calls.value === 0 ? (
                  <EmptyState
                    icon={<ActivityIcon />}
                    title="No API traffic yet"
                    description="Calls to the Partner API and the Public API, with a key or from this dashboard, show up here within a minute."
                  />
                ) : (
                  <UsageChart
                    points={data.series}
                    granularity={data.granularity}
                    label="Calls and errors over time"
                  />
                )}
              </CardContent>
            </Card>
            <HealthWidget overview={data} period={period} />
          </div>
          <div className="grid gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2">
              <CardHeader>
                <CardTitle>Endpoints</CardTitle>
                <CardDescription>
                  The busiest routes in the period.{' '}
                  <LogsLink filter={period} className="underline underline-offset-4">
                    All requests
                  </LogsLink>
                </CardDescription>
              </CardHeader>
              <CardContent>
                {data.endpoints.length === 0 ? (
                  <p className="text-muted-foreground text-sm">No calls in this period.</p>
                ) : (
                  <EndpointTable overview={data} period={period} />
                )}
              </CardContent>
            </Card>
            <ActivityFeed overview={data} />
          </div>
          <ContributedCards />
        </div>
      ) : null}
    </>
  );
}

/** Cards other modules add (the job tracker), for callers who may see them. */
function ContributedCards() {
  if (overviewCards.length === 0) return null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {overviewCards.map((card) => (
        <PermittedCard key={card.id} card={card} />
      ))}
    </div>
  );
}

function PermittedCard({ card }: { card: OverviewCard }) {
  const allowed = useCan(card.permission ?? '');
  if (card.permission && !allowed) return null;
  return <card.Card />;
}
