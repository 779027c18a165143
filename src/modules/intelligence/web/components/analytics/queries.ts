import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';
import { apiFilters, type IntelligenceSearch } from './search';

export type PersonaAnalytics = components['schemas']['PersonaAnalytics'];
export type CravingAnalytics = components['schemas']['CravingAnalytics'];
export type DriftAnalytics = components['schemas']['DriftAnalytics'];
export type DriftAlert = components['schemas']['DriftAlert'];
export type IntelligenceSummary = components['schemas']['IntelligenceSummary'];

function required<T>(body: T | undefined): T {
  if (body === undefined) throw new Error('The server answered without a body.');
  return body;
}

export function usePersonaAnalytics(search: IntelligenceSearch) {
  const { customers, from } = apiFilters(search);
  const query = { ...customers, from };
  return useQuery({
    queryKey: ['intelligence', 'personas', query],
    queryFn: async ({ signal }) =>
      required(unwrap(await api.GET('/partner/analytics/personas', { params: { query }, signal }))),
    placeholderData: keepPreviousData,
  });
}

/** Every region and gender the tenant's customers have, for the filter bar's choices. */
export function useFilterChoices() {
  return useQuery({
    queryKey: ['intelligence', 'personas', {}],
    queryFn: async ({ signal }) =>
      required(unwrap(await api.GET('/partner/analytics/personas', { params: { query: {} }, signal }))),
    select: (data) => ({
      regions: data.overlays.region.flatMap((group) => (group.value ? [group.value] : [])).sort(),
      genders: data.overlays.gender.flatMap((group) => (group.value ? [group.value] : [])).sort(),
      personas: data.personas.map((persona) => ({ key: persona.key, label: persona.label })),
    }),
  });
}

export function useCravingAnalytics(search: IntelligenceSearch) {
  const { customers, from } = apiFilters(search);
  const query = { ...customers, from };
  return useQuery({
    queryKey: ['intelligence', 'cravings', query],
    queryFn: async ({ signal }) =>
      required(unwrap(await api.GET('/partner/analytics/cravings', { params: { query }, signal }))),
    placeholderData: keepPreviousData,
  });
}

/** The drift figures; further pages of the alert feed load on demand. */
export function useDriftAnalytics(search: IntelligenceSearch) {
  const { customers, driftFrom } = apiFilters(search);
  const query = { ...customers, from: driftFrom, limit: 10 };
  return useInfiniteQuery({
    queryKey: ['intelligence', 'drift', query],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ signal, pageParam }) =>
      required(
        unwrap(
          await api.GET('/partner/analytics/drift', {
            params: { query: pageParam ? { ...query, cursor: pageParam } : query },
            signal,
          }),
        ),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useIntelligenceSummary(range: { from: string; to: string } | undefined) {
  return useQuery({
    queryKey: ['intelligence', 'summary', range],
    enabled: range !== undefined,
    queryFn: async ({ signal }) =>
      required(
        unwrap(
          await api.GET('/partner/analytics/summary', {
            params: { query: range ?? { from: '', to: '' } },
            signal,
          }),
        ),
      ),
    refetchInterval: 60_000,
  });
}
