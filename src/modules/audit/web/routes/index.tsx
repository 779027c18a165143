import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { AuditEventsTable } from '../components/audit-events-table';
import { AuditFilters } from '../components/audit-filters';
import { ExportButtons } from '../components/export-buttons';
import { VerifyChain } from '../components/verify-chain';
import { AUDIT_SEARCH_KEYS, type AuditSearch, useAuditEvents } from '../queries';

export const Route = createFileRoute('/audit/')({
  head: () => ({ meta: [{ title: 'Audit trail · Atrium' }] }),
  // Filters live in the URL, so a filtered view can be bookmarked, shared and reloaded.
  validateSearch: (raw: Record<string, unknown>): AuditSearch => {
    const search: AuditSearch = {};
    for (const key of AUDIT_SEARCH_KEYS) {
      const value = raw[key];
      if (typeof value === 'string' && value.trim()) search[key] = value.trim();
    }
    return search;
  },
  component: AuditPage,
});

function AuditPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const events = useAuditEvents(search);
  const rows = events.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = AUDIT_SEARCH_KEYS.some((key) => search[key]);

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Who did what in this tenant, when and from where. Every event is chained to the one before it."
        actions={<ExportButtons search={search} />}
      />
      <div className="mb-6">
        <VerifyChain />
      </div>
      <AuditFilters search={search} onChange={(next) => navigate({ search: next })} />
      {events.isPending && <LoadingState label="Loading audit events…" />}
      {events.isError && <ErrorState error={events.error} onRetry={() => events.refetch()} />}
      {events.isSuccess && rows.length === 0 && (
        <EmptyState
          title={filtered ? 'No events match these filters' : 'No audit events yet'}
          description={
            filtered
              ? 'Widen the time range or clear a filter.'
              : 'Sensitive actions in this tenant (team, keys, settings…) appear here as they happen.'
          }
        />
      )}
      {rows.length > 0 && (
        <div className="flex flex-col gap-4">
          <AuditEventsTable events={rows} />
          {events.hasNextPage && (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => events.fetchNextPage()}
                disabled={events.isFetchingNextPage}
              >
                {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
