import { formatDateTime, formatRelativeTime } from '@web/lib/time';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { CustomerProfileLink } from './customers-link';
import { formatShare } from './palette';
import type { DriftAlert } from './queries';

const psiFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const readable = (key: string) => key.replaceAll('_', ' ');

/** The moderate and alert analyses, newest first; each opens the customer's profile. */
export function DriftFeed({
  alerts,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  alerts: DriftAlert[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  if (alerts.length === 0) {
    return <p className="text-muted-foreground text-sm">No drift alerts in this period.</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col divide-y" aria-label="Drift alerts" data-testid="drift-feed">
        {alerts.map((alert) => (
          <li key={alert.id} className="py-2">
            <CustomerProfileLink
              customerId={alert.customerId}
              className="flex flex-col gap-1 rounded-md p-1 text-sm hover:bg-accent/50"
            >
              <span className="flex flex-wrap items-center gap-2">
                <Badge variant={alert.level === 'alert' ? 'destructive' : 'outline'}>
                  {alert.level === 'alert' ? 'Alert' : 'Moderate'}
                </Badge>
                <span className="min-w-0 truncate font-medium">{alert.displayName ?? alert.externalRef}</span>
                <span className="text-muted-foreground text-xs tabular-nums">
                  PSI {alert.psi === null ? '—' : psiFormat.format(alert.psi)}
                  {alert.jsDistance !== null && ` · JS ${psiFormat.format(alert.jsDistance)}`}
                </span>
                <time
                  dateTime={alert.createdAt}
                  title={formatDateTime(new Date(alert.createdAt))}
                  className="ml-auto text-muted-foreground text-xs"
                >
                  {formatRelativeTime(new Date(alert.createdAt))}
                </time>
              </span>
              {alert.shifts.length > 0 && (
                <span className="text-muted-foreground text-xs">
                  {alert.shifts
                    .map(
                      (shift) =>
                        `${readable(shift.category)} ${formatShare(shift.fromShare)} → ${formatShare(shift.toShare)}`,
                    )
                    .join(' · ')}
                </span>
              )}
            </CustomerProfileLink>
          </li>
        ))}
      </ol>
      {hasMore && (
        <Button
          variant="outline"
          size="sm"
          onClick={onLoadMore}
          disabled={loadingMore}
          className="self-start"
        >
          {loadingMore ? 'Loading…' : 'Older alerts'}
        </Button>
      )}
    </div>
  );
}
