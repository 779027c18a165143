import { ErrorState, LoadingState } from '@web/shell/states';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@web/ui/dialog';
import { UsageChart } from '@web/ui/usage-chart';
import { useState } from 'react';
import { type ApiKey, type UsageRange, useKeyUsage } from '../queries';

const RANGES: readonly UsageRange[] = ['24h', '7d', '30d', '90d'];
const numberFormat = new Intl.NumberFormat();
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** One key's calls and errors over a range, with its totals; opened from the keys list. */
export function KeyUsageDialog({
  apiKey,
  open,
  onOpenChange,
}: {
  apiKey: ApiKey;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [range, setRange] = useState<UsageRange>('24h');
  const usage = useKeyUsage(apiKey.id, range, open);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Usage of “{apiKey.label}”</DialogTitle>
          <DialogDescription>Calls made with this key and the ones that answered 5xx.</DialogDescription>
        </DialogHeader>
        <fieldset className="flex w-fit rounded-lg border p-0.5" aria-label="Time range">
          {RANGES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === range}
              onClick={() => setRange(option)}
              className="rounded-md px-3 py-1 text-sm outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-pressed:bg-primary aria-pressed:text-primary-foreground"
            >
              {option}
            </button>
          ))}
        </fieldset>
        {usage.isPending ? (
          <LoadingState label="Loading usage…" rows={2} />
        ) : usage.isError ? (
          <ErrorState error={usage.error} onRetry={() => usage.refetch()} />
        ) : (
          <div className="flex flex-col gap-4">
            <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
              <Figure label="Calls" value={numberFormat.format(usage.data.calls)} />
              <Figure label="Today" value={numberFormat.format(usage.data.requestsToday)} />
              <Figure label="Error rate" value={percentFormat.format(usage.data.errorRate)} />
              <Figure
                label="p95 latency"
                value={
                  usage.data.p95LatencyMs === null
                    ? '—'
                    : `${numberFormat.format(usage.data.p95LatencyMs)} ms`
                }
              />
            </dl>
            {usage.data.calls === 0 ? (
              <p className="text-muted-foreground text-sm">No calls with this key in the period.</p>
            ) : (
              <UsageChart
                points={usage.data.series}
                granularity={usage.data.granularity}
                label={`Calls and errors of ${apiKey.label}`}
                height={200}
              />
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="font-semibold text-lg tabular-nums">{value}</dd>
    </div>
  );
}
