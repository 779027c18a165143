import { Link } from '@tanstack/react-router';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { useJobRuns } from '../queries';
import { JobList } from './job-list';

/** The Overview's card: running and recent job runs, moving live. */
export function JobTracker() {
  const runs = useJobRuns({ limit: 5 });
  const items = runs.data?.data ?? [];
  const ordered = [
    ...items.filter((run) => run.state === 'running'),
    ...items.filter((run) => run.state !== 'running'),
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Jobs</CardTitle>
        <CardDescription>
          Running and recent work, such as exports.{' '}
          <Link to="/jobs" className="underline underline-offset-4">
            All jobs
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {runs.isPending ? (
          <p className="text-muted-foreground text-sm">Loading jobs…</p>
        ) : runs.isError ? (
          <p className="text-destructive text-sm">Could not load jobs.</p>
        ) : ordered.length === 0 ? (
          <p className="text-muted-foreground text-sm">
            No jobs yet. Exports and other long work show up here.
          </p>
        ) : (
          <JobList runs={ordered} />
        )}
      </CardContent>
    </Card>
  );
}
