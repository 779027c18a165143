import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { LOG_SEARCH_KEYS, type LogSearch, useRequestLogs } from '../queries';
import { LogsTable } from './logs-table';

/**
 * The requests a filter selects, newest first, with "Load more": the Logs page's API tab and the
 * app page's Logs tab (filtered to the app) show the same list.
 */
export function ApiLogsList({
  search,
  empty,
}: {
  search: LogSearch;
  /** What to say when nothing is there (default: no requests, or none matching the filters). */
  empty?: { title: string; description: string };
}) {
  const logs = useRequestLogs(search);
  const rows = logs.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = LOG_SEARCH_KEYS.some((key) => search[key]);
  if (logs.isPending) return <LoadingState label="Loading requests…" />;
  if (logs.isError) return <ErrorState error={logs.error} onRetry={() => logs.refetch()} />;
  if (rows.length === 0) {
    return (
      <EmptyState
        title={empty?.title ?? (filtered ? 'No requests match these filters' : 'No API requests yet')}
        description={
          empty?.description ??
          (filtered
            ? 'Widen the time range or clear a filter.'
            : 'Requests made with your API keys, and by your team in this dashboard, appear here.')
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
