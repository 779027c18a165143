import { createFileRoute, Link } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { useAccess } from '@web/lib/access';
import { resolveAppTabs } from '@web/lib/app-tabs';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { ChevronRightIcon } from 'lucide-react';
import { Suspense } from 'react';
import { EnvironmentBadge } from '../../components/environment-badge';
import { ownAppTabs } from '../../components/own-app-tabs';
import { type App, useApp } from '../../queries';

export const Route = createFileRoute('/tenancy/apps/$appId')({
  head: () => ({ meta: [{ title: 'App · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): { tab?: string } => ({
    tab: typeof search.tab === 'string' && search.tab !== 'overview' ? search.tab : undefined,
  }),
  component: AppPage,
});

function AppPage() {
  const { appId } = Route.useParams();
  const app = useApp(appId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-muted-foreground text-sm">
        <ol className="flex items-center gap-1">
          <li>
            <Link to="/tenancy/apps" className="underline-offset-4 hover:text-foreground hover:underline">
              Apps
            </Link>
          </li>
          <li aria-current="page" className="flex min-w-0 items-center gap-1 text-foreground">
            <ChevronRightIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="truncate">{app.data?.name ?? '…'}</span>
          </li>
        </ol>
      </nav>
      {app.isPending && <LoadingState label="Loading the app…" />}
      {app.isError && <AppError error={app.error} onRetry={() => app.refetch()} />}
      {app.data && <AppDetail app={app.data} />}
    </>
  );
}

function AppError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ProblemError && error.status === 404) {
    return (
      <EmptyState
        title="App not found"
        description="It may have been deleted, or it belongs to another organisation."
        action={
          <Button asChild variant="outline">
            <Link to="/tenancy/apps">Back to apps</Link>
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

function AppDetail({ app }: { app: App }) {
  const { tab } = Route.useSearch();
  const navigate = Route.useNavigate();
  const permissions = useAccess().data?.permissions ?? [];
  const tabs = resolveAppTabs(ownAppTabs).filter(
    (entry) => !entry.permission || permissions.includes(entry.permission),
  );
  const active = tabs.some((entry) => entry.id === tab) ? (tab as string) : 'overview';

  return (
    <>
      <div className="mb-6 flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-semibold text-2xl tracking-tight">{app.name}</h1>
          <EnvironmentBadge environment={app.environment} />
        </div>
        {app.description && <p className="text-muted-foreground">{app.description}</p>}
      </div>
      <Tabs
        value={active}
        onValueChange={(value) => void navigate({ search: { tab: value }, replace: true })}
        activationMode="manual"
      >
        <TabsList aria-label="App sections">
          {tabs.map((entry) => (
            <TabsTrigger key={entry.id} value={entry.id}>
              {entry.title}
            </TabsTrigger>
          ))}
        </TabsList>
        {tabs.map((entry) => (
          <TabsContent key={entry.id} value={entry.id}>
            {/* Contributed panels may be lazy components. */}
            <Suspense fallback={<LoadingState label={`Loading ${entry.title}…`} rows={2} />}>
              <entry.Panel appId={app.id} />
            </Suspense>
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
