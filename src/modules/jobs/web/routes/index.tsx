import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Card, CardContent } from '@web/ui/card';
import { ListChecksIcon } from 'lucide-react';
import { JobList } from '../components/job-list';
import { type JobState, useJobRuns } from '../queries';

const STATES: readonly JobState[] = ['queued', 'running', 'succeeded', 'failed'];

export const Route = createFileRoute('/jobs/')({
  head: () => ({ meta: [{ title: 'Jobs · Atrium' }] }),
  validateSearch: (raw: Record<string, unknown>): { state?: JobState } =>
    STATES.includes(raw.state as JobState) ? { state: raw.state as JobState } : {},
  component: JobsPage,
});

function JobsPage() {
  const { state } = Route.useSearch();
  const navigate = Route.useNavigate();
  const runs = useJobRuns({ limit: 100, ...(state ? { state } : {}) });
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Long-running work of your organisation, such as exports, with its progress, updated live."
        actions={
          <fieldset className="flex rounded-lg border p-0.5" aria-label="State">
            {[undefined, ...STATES].map((option) => (
              <button
                key={option ?? 'all'}
                type="button"
                aria-pressed={option === state}
                onClick={() => navigate({ search: option ? { state: option } : {}, replace: true })}
                className="rounded-md px-3 py-1 text-sm capitalize outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-pressed:bg-primary aria-pressed:text-primary-foreground"
              >
                {option ?? 'all'}
              </button>
            ))}
          </fieldset>
        }
      />
      {runs.isPending ? (
        <LoadingState label="Loading jobs…" />
      ) : runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
      ) : runs.data.data.length === 0 ? (
        <EmptyState
          icon={<ListChecksIcon />}
          title={state ? `No ${state} jobs` : 'No jobs yet'}
          description="Exports and other long work appear here while they run and after they finish."
        />
      ) : (
        <Card>
          <CardContent>
            <JobList runs={runs.data.data} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
