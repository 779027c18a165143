import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';

export type Overview = components['schemas']['Overview'];
export type UsageRange = Overview['range'];
export type UsageEndpoint = components['schemas']['UsageEndpoint'];

export const USAGE_RANGES: readonly { value: UsageRange; label: string }[] = [
  { value: '24h', label: '24 hours' },
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
];

export function isUsageRange(value: unknown): value is UsageRange {
  return USAGE_RANGES.some((range) => range.value === value);
}

/** The overview for a range; the last range's figures stay on screen while the next one loads. */
export function useOverview(range: UsageRange) {
  return useQuery({
    queryKey: ['usage', 'overview', range],
    queryFn: async ({ signal }) => {
      const body = unwrap(await api.GET('/partner/overview', { params: { query: { range } }, signal }));
      if (!body) throw new Error('The server answered without a body.');
      return body;
    },
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The Logs page's filters, exactly as its URL takes them. */
export interface LogsFilter {
  from: string;
  to: string;
  statusClass?: '2xx' | '4xx' | '5xx';
  route?: string;
  method?: string;
  keyId?: string;
  appId?: string;
}
