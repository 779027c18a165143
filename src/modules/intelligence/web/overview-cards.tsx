import { Link, useSearch } from '@tanstack/react-router';
import type { OverviewCard } from '@web/overview/contributed-cards';
import { isUsageRange, useOverview } from '@web/overview/queries';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import type { ReactNode } from 'react';
import { INTELLIGENCE_PERMISSIONS } from '../contract';
import { CustomersLink } from './components/analytics/customers-link';
import { formatCount } from './components/analytics/palette';
import { useIntelligenceSummary } from './components/analytics/queries';
import type { CustomersFilter } from './components/analytics/search';

/**
 * The Overview's period (its `range` in the URL), as the overview query answered it: the same
 * cached request the page made, so the cards count over exactly the page's period.
 */
function useOverviewPeriod() {
  const search = useSearch({ strict: false }) as { range?: unknown };
  const overview = useOverview(isUsageRange(search.range) ? search.range : '24h');
  return overview.data ? { from: overview.data.from, to: overview.data.to } : undefined;
}

function FigureCard({
  title,
  testId,
  filter,
  value,
  note,
}: {
  title: string;
  testId: string;
  filter: CustomersFilter;
  value: number | undefined;
  note: ReactNode;
}) {
  return (
    <Card className="h-full gap-2" data-testid={testId}>
      <CardHeader>
        <CardDescription>{title}</CardDescription>
        <CardTitle className="text-2xl tabular-nums">
          <CustomersLink filter={filter} className="underline-offset-4 hover:underline">
            {value === undefined ? '—' : formatCount(value)}
          </CustomersLink>
        </CardTitle>
      </CardHeader>
      <CardContent className="text-muted-foreground text-xs">{note}</CardContent>
    </Card>
  );
}

/** Customers with a transaction booked in the Overview's period. */
function ActiveCustomersCard() {
  const summary = useIntelligenceSummary(useOverviewPeriod());
  return (
    <FigureCard
      title="Active customers"
      testId="stat-active-customers"
      filter={{}}
      value={summary.data?.activeCustomers}
      note={
        summary.isError
          ? 'Could not load the figure.'
          : 'Customers (not archived) with a transaction booked in this period.'
      }
    />
  );
}

/** Customers whose latest analysis is at drift alert now; how many alerts the period raised. */
function DriftAlertsCard() {
  const summary = useIntelligenceSummary(useOverviewPeriod());
  const raised = summary.data?.alertsRaised;
  return (
    <FigureCard
      title="Drift alerts"
      testId="stat-drift-alerts"
      filter={{ driftLevel: 'alert' }}
      value={summary.data?.customersAtAlert}
      note={
        summary.isError ? (
          'Could not load the figure.'
        ) : (
          <>
            Customers at drift alert now
            {raised !== undefined && ` · ${formatCount(raised)} alerted in this period`}.{' '}
            <Link to="/intelligence" className="underline underline-offset-4">
              Intelligence
            </Link>
          </>
        )
      }
    />
  );
}

export const overviewCards: OverviewCard[] = [
  {
    id: 'intelligence-active-customers',
    order: 20,
    permission: INTELLIGENCE_PERMISSIONS.customersRead,
    Card: ActiveCustomersCard,
  },
  {
    id: 'intelligence-drift-alerts',
    order: 21,
    permission: INTELLIGENCE_PERMISSIONS.customersRead,
    Card: DriftAlertsCard,
  },
];
