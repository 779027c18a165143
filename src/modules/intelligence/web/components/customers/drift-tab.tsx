import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ActivityIcon } from 'lucide-react';
import type { useCustomerAnalyses } from '../../queries-customers';
import { DriftBadge } from './badges';
import { formatPercent, formatTime } from './format';
import { PersonaTimelineChart, type TimelinePoint } from './persona-timeline-chart';

/**
 * Drift over the analyses: PSI and Jensen–Shannon distance per run with its level and the
 * categories that moved most, and the latest run's month-by-month persona timeline.
 */
export function DriftTab({ analyses }: { analyses: ReturnType<typeof useCustomerAnalyses> }) {
  if (analyses.isPending) return <LoadingState label="Loading analyses…" />;
  if (analyses.isError) return <ErrorState error={analyses.error} onRetry={() => analyses.refetch()} />;
  const runs = analyses.data.pages.flatMap((page) => page.data);
  if (runs.length === 0) {
    return (
      <EmptyState
        icon={<ActivityIcon />}
        title="No analyses yet"
        description="Drift compares the last two periods of a customer’s spending; it appears after the first analysis."
      />
    );
  }
  const timeline = (runs[0]?.timeline ?? []) as unknown as TimelinePoint[];
  return (
    <div className="flex flex-col gap-6">
      <section
        aria-labelledby="timeline-heading"
        className="flex min-w-0 flex-col gap-3 rounded-xl border p-4"
      >
        <h2 id="timeline-heading" className="font-semibold text-lg">
          Persona timeline
        </h2>
        {timeline.length > 0 ? (
          <PersonaTimelineChart points={timeline} />
        ) : (
          <p className="text-muted-foreground text-sm">No monthly timeline in the latest analysis.</p>
        )}
      </section>
      <section aria-labelledby="drift-heading" className="flex flex-col gap-3">
        <h2 id="drift-heading" className="font-semibold text-lg">
          Drift history
        </h2>
        <Table aria-label="Drift history">
          <TableHeader>
            <TableRow>
              <TableHead>Analysed</TableHead>
              <TableHead>Level</TableHead>
              <TableHead className="text-right">PSI</TableHead>
              <TableHead className="text-right">JS distance</TableHead>
              <TableHead>Largest shifts</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.map((run) => (
              <TableRow key={run.id}>
                <TableCell className="whitespace-nowrap">{formatTime(run.createdAt)}</TableCell>
                <TableCell>
                  <DriftBadge level={run.drift?.level ?? null} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {run.drift ? run.drift.psi.toFixed(3) : '—'}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {run.drift ? run.drift.jsDistance.toFixed(3) : '—'}
                </TableCell>
                <TableCell className="min-w-48 text-sm">
                  {run.drift
                    ? run.drift.shifts
                        .slice(0, 3)
                        .map(
                          (shift) =>
                            `${shift.category} ${formatPercent(shift.fromShare)} → ${formatPercent(shift.toShare)}`,
                        )
                        .join(' · ') || '—'
                    : 'Fewer than two periods'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {analyses.hasNextPage && (
          <div className="flex justify-center">
            <Button
              variant="outline"
              onClick={() => analyses.fetchNextPage()}
              disabled={analyses.isFetchingNextPage}
            >
              {analyses.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
