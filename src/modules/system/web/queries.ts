import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';

export type SystemInfo =
  paths['/partner/system/info']['get']['responses'][200]['content']['application/json'];

const systemInfoQueryKey = ['system', 'info'] as const;

export function useSystemInfo() {
  return useQuery({
    queryKey: systemInfoQueryKey,
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/system/info', { signal })),
    // The worker heartbeat moves on its own; poll so the page shows a stalled worker without a reload.
    refetchInterval: 15_000,
  });
}
