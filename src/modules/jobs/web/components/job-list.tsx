import { formatDateTime, formatRelativeTime } from '@web/lib/time';
import { Badge } from '@web/ui/badge';
import type { JobRun, JobState } from '../queries';

const STATE_LABEL: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

const STATE_VARIANT: Record<JobState, 'default' | 'secondary' | 'destructive' | 'outline'> = {
  queued: 'outline',
  running: 'default',
  succeeded: 'secondary',
  failed: 'destructive',
};

/** Job runs with their state and a progress bar; running ones first is the caller's choice. */
export function JobList({ runs }: { runs: readonly JobRun[] }) {
  return (
    <ul className="flex flex-col divide-y" aria-label="Job runs">
      {runs.map((run) => (
        <li key={run.id} className="flex flex-col gap-1.5 py-3" aria-label={run.title}>
          <div className="flex items-center justify-between gap-2">
            <span className="truncate font-medium text-sm">{run.title}</span>
            <Badge variant={STATE_VARIANT[run.state]}>{STATE_LABEL[run.state]}</Badge>
          </div>
          <div
            role="progressbar"
            aria-label={`${run.title} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={run.progress}
            className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
          >
            <div
              className={
                run.state === 'failed' ? 'h-full bg-destructive' : 'h-full bg-primary transition-[width]'
              }
              style={{ width: `${run.progress}%` }}
            />
          </div>
          <div className="flex justify-between gap-2 text-muted-foreground text-xs">
            <time dateTime={run.createdAt} title={formatDateTime(new Date(run.createdAt))}>
              {formatRelativeTime(new Date(run.createdAt))}
            </time>
            <span>{run.progress}%</span>
          </div>
          {run.error && <p className="text-destructive text-xs">{run.error}</p>}
        </li>
      ))}
    </ul>
  );
}
