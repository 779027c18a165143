import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';
import { useLiveEvents } from '@web/live/live-events';

type JobRunList = paths['/partner/jobs']['get']['responses'][200]['content']['application/json'];
export type JobRun = JobRunList['data'][number];
export type JobState = JobRun['state'];

/**
 * The tenant's latest job runs, kept current by `job.updated` from the live stream: the changed
 * run is patched into the cached list at once (progress moves without a request), and the list is
 * refetched in the background to pick up runs it did not hold.
 */
export function useJobRuns(options: { state?: JobState; limit?: number } = {}) {
  const queryClient = useQueryClient();
  const queryKey = ['jobs', 'list', options] as const;
  useLiveEvents(['job.updated'], (message) => {
    const run = message.data as JobRun;
    queryClient.setQueryData<JobRunList>(queryKey, (list) =>
      list ? { ...list, data: list.data.map((item) => (item.id === run.id ? run : item)) } : list,
    );
    void queryClient.invalidateQueries({ queryKey: ['jobs', 'list'] });
  });
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) =>
      unwrap<JobRunList>(
        await api.GET('/partner/jobs', {
          params: {
            query: { limit: options.limit ?? 20, ...(options.state ? { state: options.state } : {}) },
          },
          signal,
        }),
      ),
  });
}
