import { createFileRoute } from '@tanstack/react-router';
import { Can, useCan } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { BoxesIcon, LoaderCircleIcon, PlusIcon } from 'lucide-react';
import { useCallback, useState } from 'react';
import { AppFiltersBar } from '../../components/app-filters';
import { AppsTable } from '../../components/apps-table';
import { CreateAppDialog } from '../../components/create-app-dialog';
import { can } from '../../permissions';
import { type AppEnvironment, type AppFilters, useApps, useProjects } from '../../queries';

const ENVIRONMENTS: readonly string[] = ['sandbox', 'production'];

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const Route = createFileRoute('/tenancy/apps/')({
  head: () => ({ meta: [{ title: 'Apps · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): AppFilters => {
    const environment = text(search.environment);
    return {
      projectId: text(search.projectId),
      environment:
        environment && ENVIRONMENTS.includes(environment) ? (environment as AppEnvironment) : undefined,
      q: text(search.q),
    };
  },
  component: AppsPage,
});

function AppsPage() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  const apps = useApps(filters);
  const projects = useProjects();
  const mayWrite = useCan(can.writeApps);
  const [creating, setCreating] = useState(false);
  const setFilters = useCallback(
    (next: AppFilters) => void navigate({ search: next, replace: true }),
    [navigate],
  );
  const filtered = Boolean(filters.projectId || filters.environment || filters.q);
  const rows = apps.data?.pages.flatMap((page) => page.data) ?? [];

  const createButton = (
    <Button onClick={() => setCreating(true)} disabled={!projects.data}>
      <PlusIcon aria-hidden="true" />
      New app
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Apps"
        description="Each app is one client of the API in one environment, with its own keys, webhooks and IP allowlist."
        actions={<Can permission={can.writeApps}>{createButton}</Can>}
      />
      <AppFiltersBar filters={filters} projects={projects.data ?? []} onChange={setFilters} />
      {apps.isPending && <LoadingState label="Loading apps…" />}
      {apps.isError && <ErrorState error={apps.error} onRetry={() => apps.refetch()} />}
      {apps.isSuccess && rows.length === 0 && !filtered && (
        <EmptyState
          icon={<BoxesIcon />}
          title="No apps yet"
          description={
            mayWrite
              ? 'Create an app for each system that calls the API. Start in sandbox; add production when you go live.'
              : 'Apps your team creates appear here.'
          }
          action={mayWrite ? createButton : undefined}
        />
      )}
      {apps.isSuccess && rows.length === 0 && filtered && (
        <EmptyState
          title="No apps match these filters"
          description="Try another search, project or environment."
          action={
            <Button variant="outline" onClick={() => setFilters({})}>
              Clear filters
            </Button>
          }
        />
      )}
      {rows.length > 0 && (
        <div className="flex flex-col items-center gap-4">
          <div className="w-full">
            <AppsTable apps={rows} />
          </div>
          {apps.hasNextPage && (
            <Button variant="outline" onClick={() => apps.fetchNextPage()} disabled={apps.isFetchingNextPage}>
              {apps.isFetchingNextPage && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
              Load more
            </Button>
          )}
        </div>
      )}
      {creating && projects.data && (
        <CreateAppDialog
          open
          onOpenChange={setCreating}
          projects={projects.data}
          projectId={filters.projectId}
        />
      )}
    </>
  );
}
