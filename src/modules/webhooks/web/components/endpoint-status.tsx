import { cn } from '@web/lib/utils';
import { Badge } from '@web/ui/badge';
import type { WebhookEndpoint } from '../queries';

const enabledLook =
  'border-emerald-300 bg-emerald-50 text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200';
const disabledLook = 'border-red-300 bg-red-50 text-red-900 dark:bg-red-500/10 dark:text-red-200';
const failingLook = 'border-amber-300 bg-amber-50 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200';

/** Enabled, failing (still enabled) or disabled, with Atrium's reason when it disabled it. */
export function EndpointStatusBadge({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (!endpoint.enabled) {
    return (
      <Badge
        variant="outline"
        className={disabledLook}
        title={endpoint.disabledReason ?? 'Disabled by a member of your team.'}
      >
        Disabled
      </Badge>
    );
  }
  if (endpoint.failingSince) {
    return (
      <Badge
        variant="outline"
        className={failingLook}
        title={`Failing since ${new Date(endpoint.failingSince).toLocaleString()}`}
      >
        Failing
      </Badge>
    );
  }
  return (
    <Badge variant="outline" className={enabledLook}>
      Enabled
    </Badge>
  );
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A success share 0–100 as a percentage, coloured by how healthy it is; "—" without attempts. */
export function SuccessRate({ rate, className }: { rate: number | null; className?: string }) {
  if (rate === null) return <span className={cn('text-muted-foreground', className)}>—</span>;
  const tone =
    rate >= 99
      ? 'text-emerald-700 dark:text-emerald-300'
      : rate >= 90
        ? 'text-amber-700 dark:text-amber-300'
        : 'text-red-700 dark:text-red-300';
  return <span className={cn('tabular-nums', tone, className)}>{percentFormat.format(rate / 100)}</span>;
}

/** "All events" or "3 events". */
export function subscribedEvents(endpoint: WebhookEndpoint): string {
  const count = endpoint.eventTypes.length;
  if (count === 0) return 'All events';
  return `${count} event${count === 1 ? '' : 's'}`;
}
