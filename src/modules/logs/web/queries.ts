import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';

type LogList = paths['/partner/logs']['get']['responses'][200]['content']['application/json'];
export type RequestLog = LogList['data'][number];
export type RequestLogDetail =
  paths['/partner/logs/{logId}']['get']['responses'][200]['content']['application/json'];

/**
 * The page's filters, as they stand in the URL (times as ISO 8601). Other pages link here with
 * these names (the overview's cards and endpoint rows).
 */
export interface LogSearch {
  q?: string;
  statusClass?: string;
  method?: string;
  appId?: string;
  keyId?: string;
  route?: string;
  from?: string;
  to?: string;
}

export const LOG_SEARCH_KEYS = [
  'q',
  'statusClass',
  'method',
  'appId',
  'keyId',
  'route',
  'from',
  'to',
] as const;

const PAGE_SIZE = 50;

/** Requests, newest first, one cursor page at a time ("Load more"). */
export function useRequestLogs(search: LogSearch) {
  return useInfiniteQuery({
    queryKey: ['logs', 'list', search],
    queryFn: async ({ pageParam, signal }) =>
      unwrap<LogList>(
        await api.GET('/partner/logs', {
          params: {
            query: {
              ...search,
              method: search.method as 'GET' | undefined,
              limit: PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One request's headers and bodies, read when its row opens. */
export function useRequestLog(logId: string) {
  return useQuery({
    queryKey: ['logs', 'entry', logId],
    queryFn: async ({ signal }) =>
      unwrap<RequestLogDetail>(
        await api.GET('/partner/logs/{logId}', { params: { path: { logId } }, signal }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

type AppList = paths['/partner/apps']['get']['responses'][200]['content']['application/json'];

/** The tenant's apps, for the app filter. */
export function useAppOptions() {
  return useQuery({
    queryKey: ['logs', 'apps'],
    queryFn: async ({ signal }) =>
      unwrap<AppList>(await api.GET('/partner/apps', { params: { query: {} }, signal })),
  });
}

/** A plain link the browser downloads (the answer is an attachment), with the page's filters. */
export function logsExportUrl(search: LogSearch, format: 'csv' | 'json' | 'pdf'): string {
  const params = new URLSearchParams({ format });
  for (const key of LOG_SEARCH_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return `/partner/logs/export?${params}`;
}
