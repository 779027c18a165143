import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { SendIcon } from 'lucide-react';
import type { useDeliveries } from '../queries';
import { DeliveriesTable } from './deliveries-table';

interface DeliveriesListProps {
  deliveries: ReturnType<typeof useDeliveries>;
  filtered: boolean;
  showEndpoint?: boolean;
  emptyDescription: string;
}

/** A delivery log's states: loading, error, empty (filtered or not), the rows and "Load more". */
export function DeliveriesList({
  deliveries,
  filtered,
  showEndpoint,
  emptyDescription,
}: DeliveriesListProps) {
  const rows = deliveries.data?.pages.flatMap((page) => page.data) ?? [];
  if (deliveries.isPending) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<SendIcon />}
        title={filtered ? 'No deliveries match these filters' : 'No deliveries yet'}
        description={filtered ? 'Widen the time range or clear a filter.' : emptyDescription}
      />
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <DeliveriesTable attempts={rows} showEndpoint={showEndpoint} />
      {deliveries.hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="outline"
            onClick={() => deliveries.fetchNextPage()}
            disabled={deliveries.isFetchingNextPage}
          >
            {deliveries.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
