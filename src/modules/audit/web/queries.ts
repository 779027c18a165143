import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';

type EventList = paths['/partner/audit/events']['get']['responses'][200]['content']['application/json'];
export type AuditEvent = EventList['data'][number];
export type AuditChainReport =
  paths['/partner/audit/verify']['get']['responses'][200]['content']['application/json'];

/** The page's filters, as they stand in the URL (times as ISO 8601). */
export interface AuditSearch {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export const AUDIT_SEARCH_KEYS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to', 'q'] as const;

const PAGE_SIZE = 50;

/** The trail, newest first, one cursor page at a time ("Load more"). */
export function useAuditEvents(search: AuditSearch) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', search],
    queryFn: async ({ pageParam, signal }) =>
      unwrap<EventList>(
        await api.GET('/partner/audit/events', {
          params: { query: { ...search, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Verification reads the whole chain, so it runs when asked, not on every visit. */
export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: async () => unwrap<AuditChainReport>(await api.GET('/partner/audit/verify')),
  });
}

/** A plain link the browser downloads (the answer is an attachment), with the page's filters. */
export function auditExportUrl(search: AuditSearch, format: 'csv' | 'json'): string {
  const params = new URLSearchParams({ format });
  for (const key of AUDIT_SEARCH_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return `/partner/audit/export?${params}`;
}
