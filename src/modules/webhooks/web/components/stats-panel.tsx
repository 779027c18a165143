import { cn } from '@web/lib/utils';
import { ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { Field } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { useState } from 'react';
import { useEndpointStats, type WebhookStats } from '../queries';
import { SuccessRate } from './endpoint-status';

const RANGES = [7, 14, 30] as const;
/** Monday first; the API counts 0 Sunday … 6 Saturday. */
const DAYS = [
  [1, 'Mon', 'Monday'],
  [2, 'Tue', 'Tuesday'],
  [3, 'Wed', 'Wednesday'],
  [4, 'Thu', 'Thursday'],
  [5, 'Fri', 'Friday'],
  [6, 'Sat', 'Saturday'],
  [0, 'Sun', 'Sunday'],
] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const numberFormat = new Intl.NumberFormat();

/** Success rate, totals and the hour-of-day × day-of-week heatmap of one endpoint's attempts. */
export function StatsPanel({ endpointId }: { endpointId: string }) {
  const [days, setDays] = useState<number>(7);
  const stats = useEndpointStats(endpointId, days);
  return (
    <Card>
      <CardHeader className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle>Deliveries</CardTitle>
          <CardDescription>Attempts by outcome, UTC hour of day and day of week.</CardDescription>
        </div>
        <Field label="Period" className="w-40">
          <NativeSelect value={String(days)} onChange={(event) => setDays(Number(event.target.value))}>
            {RANGES.map((range) => (
              <option key={range} value={range}>
                Last {range} days
              </option>
            ))}
          </NativeSelect>
        </Field>
      </CardHeader>
      <CardContent>
        {stats.isPending && <LoadingState label="Loading the figures…" rows={1} />}
        {stats.isError && <ErrorState error={stats.error} onRetry={() => stats.refetch()} />}
        {stats.data && (
          <div className="flex flex-col gap-4">
            <dl className="grid grid-cols-3 gap-4 sm:max-w-lg">
              <Figure label="Success rate">
                <SuccessRate rate={stats.data.successRate} />
              </Figure>
              <Figure label="Delivered">{numberFormat.format(stats.data.successes)}</Figure>
              <Figure label="Failed">{numberFormat.format(stats.data.failures)}</Figure>
            </dl>
            <Heatmap stats={stats.data} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-semibold text-xl tabular-nums">{children}</dd>
    </div>
  );
}

type Cell = WebhookStats['heatmap'][number];

/** Green shades by volume when all went well; amber to red as the failed share grows. */
function cellTone(cell: Cell | undefined, busiest: number): string {
  const total = (cell?.successes ?? 0) + (cell?.failures ?? 0);
  if (!cell || total === 0) return 'bg-muted';
  const failedShare = cell.failures / total;
  if (failedShare >= 0.5) return 'bg-red-500 dark:bg-red-500/80';
  if (failedShare > 0) return 'bg-amber-400 dark:bg-amber-500/80';
  const volume = total / busiest;
  if (volume > 0.66) return 'bg-emerald-600 dark:bg-emerald-500';
  if (volume > 0.33) return 'bg-emerald-400 dark:bg-emerald-600';
  return 'bg-emerald-200 dark:bg-emerald-800';
}

function cellLabel(day: string, hour: number, cell: Cell | undefined): string {
  const span = `${day} ${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00 UTC`;
  if (!cell) return `${span}: no attempts`;
  return `${span}: ${numberFormat.format(cell.successes)} delivered, ${numberFormat.format(cell.failures)} failed`;
}

function Heatmap({ stats }: { stats: WebhookStats }) {
  const cells = new Map(stats.heatmap.map((cell) => [`${cell.dayOfWeek}:${cell.hour}`, cell]));
  const busiest = Math.max(1, ...stats.heatmap.map((cell) => cell.successes + cell.failures));
  return (
    <div className="flex flex-col gap-2 overflow-x-auto">
      <table
        aria-label={`Delivery heatmap, last ${stats.days} days`}
        className="w-full min-w-96 table-fixed border-separate border-spacing-0.5 text-[10px]"
      >
        <thead>
          <tr>
            <th scope="col" className="w-8">
              <span className="sr-only">Day</span>
            </th>
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="text-left font-normal text-muted-foreground">
                {hour % 3 === 0 ? String(hour).padStart(2, '0') : <span className="sr-only">{hour}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map(([dayOfWeek, short, long]) => (
            <tr key={dayOfWeek}>
              <th scope="row" className="pr-1 text-left font-normal text-muted-foreground">
                <abbr title={long} className="no-underline">
                  {short}
                </abbr>
              </th>
              {HOURS.map((hour) => {
                const cell = cells.get(`${dayOfWeek}:${hour}`);
                const label = cellLabel(long, hour, cell);
                return (
                  <td
                    key={hour}
                    title={label}
                    data-testid={cell ? 'heatmap-cell' : undefined}
                    className={cn('h-5 rounded-sm', cellTone(cell, busiest))}
                  >
                    <span className="sr-only">{label}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="flex flex-wrap items-center gap-3 text-muted-foreground text-xs" aria-label="Legend">
        <Legend className="bg-muted">No attempts</Legend>
        <Legend className="bg-emerald-400 dark:bg-emerald-600">All delivered</Legend>
        <Legend className="bg-amber-400 dark:bg-amber-500/80">Some failed</Legend>
        <Legend className="bg-red-500 dark:bg-red-500/80">Half or more failed</Legend>
      </ul>
    </div>
  );
}

function Legend({ className, children }: { className: string; children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-1.5">
      <span className={cn('inline-block size-3 rounded-sm', className)} aria-hidden="true" />
      {children}
    </li>
  );
}
