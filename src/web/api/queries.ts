import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

export type Navigation =
  paths['/partner/system/navigation']['get']['responses'][200]['content']['application/json'];
export type NavigationSection = Navigation['sections'][number];
export type NavigationItem = NavigationSection['items'][number];

const navigationQueryKey = ['system', 'navigation'] as const;

/** The dashboard's pages, grouped in sections, as the enabled modules declare them. */
export function useNavigation() {
  return useQuery({
    queryKey: navigationQueryKey,
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/system/navigation', { signal })),
    // Navigation only changes when modules are enabled or disabled, i.e. on a restart.
    staleTime: 5 * 60_000,
  });
}
