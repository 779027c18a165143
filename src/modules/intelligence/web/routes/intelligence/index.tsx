import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { ChartPieIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { CravingBreakdown } from '../../components/analytics/craving-breakdown';
import { DemographicOverlay } from '../../components/analytics/demographic-overlay';
import { DriftFeed } from '../../components/analytics/drift-feed';
import { DriftLevels, DriftTimeline } from '../../components/analytics/drift-timeline';
import { FiltersBar } from '../../components/analytics/filters-bar';
import { personaColours } from '../../components/analytics/palette';
import { PersonaDistribution } from '../../components/analytics/persona-distribution';
import { PersonaTimeline } from '../../components/analytics/persona-timeline';
import {
  type PersonaAnalytics,
  useCravingAnalytics,
  useDriftAnalytics,
  usePersonaAnalytics,
} from '../../components/analytics/queries';
import {
  activeCustomersFilterOf,
  type CustomersFilter,
  customersFilterOf,
  type IntelligenceSearch,
  validateIntelligenceSearch,
} from '../../components/analytics/search';

export const Route = createFileRoute('/intelligence/')({
  head: () => ({ meta: [{ title: 'Intelligence · Atrium' }] }),
  // Filters live in the URL: a view can be bookmarked, shared and reloaded, and every chart reads them.
  validateSearch: (raw: Record<string, unknown>): IntelligenceSearch => validateIntelligenceSearch(raw),
  component: IntelligencePage,
});

function IntelligencePage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const personas = usePersonaAnalytics(search);
  const filtered = Boolean(
    search.region || search.gender || search.ageBand || search.persona || search.range,
  );
  const data = personas.data;
  return (
    <>
      <PageHeader
        title="Intelligence"
        description="Who your customers are, what drives them and whose behaviour is changing. Click any bar to see those customers."
      />
      <FiltersBar search={search} onChange={(next) => navigate({ search: next, replace: true })} />
      {personas.isPending ? (
        <LoadingState label="Loading the intelligence dashboard…" rows={4} />
      ) : personas.isError && !data ? (
        <ErrorState error={personas.error} onRetry={() => personas.refetch()} />
      ) : data && data.total === 0 && data.unanalysed === 0 && !filtered ? (
        <EmptyState
          icon={<ChartPieIcon />}
          title="No customers analysed yet"
          description="Send statements through POST /v1/statements to see personas here."
        />
      ) : data ? (
        <Dashboard search={search} personas={data} busy={personas.isPlaceholderData} />
      ) : null}
    </>
  );
}

function Panel({
  title,
  description,
  children,
  className,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={`min-w-0 ${className ?? ''}`}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="min-w-0">{children}</CardContent>
    </Card>
  );
}

function Dashboard({
  search,
  personas,
  busy,
}: {
  search: IntelligenceSearch;
  personas: PersonaAnalytics;
  busy: boolean;
}) {
  const colours = personaColours(personas.personas.map((persona) => persona.key));
  const filter: CustomersFilter = customersFilterOf(search);
  const activeFilter: CustomersFilter = activeCustomersFilterOf(search);
  const none = personas.total === 0;
  return (
    <div className="flex flex-col gap-6" aria-busy={busy}>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel
          title="Personas"
          description={
            <span data-testid="persona-total">
              {personas.total} analysed customers
              {personas.unanalysed > 0 && ` · ${personas.unanalysed} waiting for their first analysis`}
            </span>
          }
        >
          {none ? (
            <p className="text-muted-foreground text-sm">No analysed customers match these filters.</p>
          ) : (
            <PersonaDistribution data={personas} colours={colours} filter={activeFilter} />
          )}
        </Panel>
        <Panel title="Demographics" description="The persona mix of each region, age band and gender.">
          {none ? (
            <p className="text-muted-foreground text-sm">No analysed customers match these filters.</p>
          ) : (
            <DemographicOverlay data={personas} colours={colours} filter={activeFilter} />
          )}
        </Panel>
      </div>
      <Panel
        title="Persona timeline"
        description="Month by month, the persona each of these customers showed then, from their latest analysis."
      >
        {personas.timeline.every((month) => month.total === 0) ? (
          <p className="text-muted-foreground text-sm">No monthly history in this period.</p>
        ) : (
          <PersonaTimeline data={personas} colours={colours} filter={activeFilter} />
        )}
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <CravingsPanel search={search} filter={activeFilter} />
        <DriftPanel search={search} filter={filter} />
      </div>
    </div>
  );
}

function CravingsPanel({ search, filter }: { search: IntelligenceSearch; filter: CustomersFilter }) {
  const cravings = useCravingAnalytics(search);
  return (
    <Panel
      title="Cravings"
      description="What drives these customers: mean score per driver, fainter where the scores are less certain."
    >
      {cravings.isPending ? (
        <LoadingState label="Loading cravings…" rows={2} />
      ) : cravings.isError && !cravings.data ? (
        <ErrorState error={cravings.error} onRetry={() => cravings.refetch()} />
      ) : cravings.data && cravings.data.drivers.length > 0 ? (
        <CravingBreakdown data={cravings.data} filter={filter} />
      ) : (
        <p className="text-muted-foreground text-sm">No craving profiles for these customers yet.</p>
      )}
    </Panel>
  );
}

function DriftPanel({ search, filter }: { search: IntelligenceSearch; filter: CustomersFilter }) {
  const drift = useDriftAnalytics(search);
  const first = drift.data?.pages[0];
  return (
    <Panel
      title="Drift"
      description="Customers whose spending pattern moved between their last two periods (PSI 0.1–0.25 moderate, above alert)."
    >
      {drift.isPending ? (
        <LoadingState label="Loading drift…" rows={2} />
      ) : drift.isError && !first ? (
        <ErrorState error={drift.error} onRetry={() => drift.refetch()} />
      ) : first ? (
        <div className="flex flex-col gap-4">
          <DriftLevels data={first} filter={filter} />
          <DriftTimeline data={first} filter={filter} />
          <DriftFeed
            alerts={(drift.data?.pages ?? []).flatMap((page) => page.alerts)}
            hasMore={drift.hasNextPage}
            loadingMore={drift.isFetchingNextPage}
            onLoadMore={() => drift.fetchNextPage()}
          />
        </div>
      ) : null}
    </Panel>
  );
}
