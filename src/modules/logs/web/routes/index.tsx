import { useQueryClient } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { useLiveConnected, useLiveEvents } from '@web/live/live-events';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { DownloadIcon, RadioIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { LogsFilters } from '../components/logs-filters';
import { LogsTable } from '../components/logs-table';
import { LOG_SEARCH_KEYS, type LogSearch, logsExportUrl, useRequestLogs } from '../queries';

export const Route = createFileRoute('/logs/')({
  head: () => ({ meta: [{ title: 'Logs · Atrium' }] }),
  // Filters live in the URL, so a filtered view can be bookmarked, shared, reloaded and linked to.
  validateSearch: (raw: Record<string, unknown>): LogSearch => {
    const search: LogSearch = {};
    for (const key of LOG_SEARCH_KEYS) {
      const value = raw[key];
      if (typeof value === 'string' && value.trim()) search[key] = value.trim();
    }
    return search;
  },
  component: LogsPage,
});

/** Shortest pause between two refetches of the live tail. */
const LIVE_TAIL_INTERVAL_MS = 1_000;

function LogsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const [liveTail, setLiveTail] = useState(false);
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefetch = useRef(0);
  useEffect(() => () => clearTimeout(pending.current), []);
  // Each stored batch of requests announces itself once (`logs.appended`): refetch the list at
  // once, then at most once a second however busy the API is.
  useLiveEvents(
    ['logs.appended'],
    () => {
      if (pending.current) return;
      const refetch = () => {
        pending.current = undefined;
        lastRefetch.current = Date.now();
        void queryClient.invalidateQueries({ queryKey: ['logs', 'list'] });
      };
      const wait = lastRefetch.current + LIVE_TAIL_INTERVAL_MS - Date.now();
      if (wait <= 0) refetch();
      else pending.current = setTimeout(refetch, wait);
    },
    liveTail,
  );
  return (
    <>
      <PageHeader
        title="Logs"
        description="Every request your apps and your team made to the Partner and Public API. Credentials and secrets are redacted before anything is stored."
        actions={
          <>
            <LiveTailToggle on={liveTail} onChange={setLiveTail} />
            <ExportButtons search={search} />
          </>
        }
      />
      <Tabs defaultValue="api">
        <TabsList>
          <TabsTrigger value="api">API logs</TabsTrigger>
        </TabsList>
        <TabsContent value="api" className="pt-4">
          <LogsFilters search={search} onChange={(next) => navigate({ search: next })} />
          <ApiLogs search={search} />
        </TabsContent>
      </Tabs>
    </>
  );
}

function ApiLogs({ search }: { search: LogSearch }) {
  const logs = useRequestLogs(search);
  const rows = logs.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = LOG_SEARCH_KEYS.some((key) => search[key]);
  if (logs.isPending) return <LoadingState label="Loading requests…" />;
  if (logs.isError) return <ErrorState error={logs.error} onRetry={() => logs.refetch()} />;
  if (rows.length === 0) {
    return (
      <EmptyState
        title={filtered ? 'No requests match these filters' : 'No API requests yet'}
        description={
          filtered
            ? 'Widen the time range or clear a filter.'
            : 'Requests made with your API keys, and by your team in this dashboard, appear here.'
        }
      />
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <LogsTable logs={rows} />
      {logs.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => logs.fetchNextPage()} disabled={logs.isFetchingNextPage}>
            {logs.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}

/** New requests appear at the top of the list as they are stored, without a reload. */
function LiveTailToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const connected = useLiveConnected();
  return (
    <Button variant={on ? 'default' : 'outline'} aria-pressed={on} onClick={() => onChange(!on)}>
      <RadioIcon aria-hidden="true" className={on && connected ? 'animate-pulse' : undefined} />
      Live tail
      {on && !connected && <span className="sr-only"> (connecting)</span>}
    </Button>
  );
}

/** Downloads of the requests the current filters select; the server streams the file. */
function ExportButtons({ search }: { search: LogSearch }) {
  return (
    <>
      {(['csv', 'json', 'pdf'] as const).map((format) => (
        <Button key={format} variant="outline" asChild>
          <a href={logsExportUrl(search, format)} download>
            <DownloadIcon aria-hidden="true" />
            Export {format.toUpperCase()}
          </a>
        </Button>
      ))}
    </>
  );
}
