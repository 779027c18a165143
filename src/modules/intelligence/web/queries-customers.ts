import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';

export type Customer = components['schemas']['Customer'];
export type CustomerRow = components['schemas']['CustomerRow'];
export type CustomerAnalysis = components['schemas']['CustomerAnalysis'];
export type CustomerTransaction = components['schemas']['CustomerTransaction'];
export type IntelligenceCatalogue = components['schemas']['IntelligenceCatalogue'];
type UpdateCustomerRequest = components['schemas']['UpdateCustomerRequest'];

/**
 * The customer table's filters as they stand in the URL. The names are the API's query names, and
 * other pages (the intelligence dashboard) link to the table with them.
 */
export interface CustomerSearch {
  q?: string;
  persona?: string;
  /** The leading craving driver (the customer's highest measured score). */
  craving?: string;
  driftLevel?: 'none' | 'moderate' | 'alert';
  riskLevel?: 'low' | 'medium' | 'high';
  region?: string;
  gender?: string;
  ageBand?: '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';
  /** A transaction booked on or after / on or before this day (YYYY-MM-DD). */
  activeFrom?: string;
  activeTo?: string;
  archived?: 'false' | 'true' | 'all';
}

export const CUSTOMER_SEARCH_KEYS = [
  'q',
  'persona',
  'craving',
  'driftLevel',
  'riskLevel',
  'region',
  'gender',
  'ageBand',
  'activeFrom',
  'activeTo',
  'archived',
] as const;

const PAGE_SIZE = 50;
const customersKey = ['intelligence', 'customers'] as const;

function present<T>(body: T | undefined): T {
  if (body === undefined) throw new Error('The server answered without a body.');
  return body;
}

/** The customer table, newest first, one cursor page at a time ("Load more"). */
export function useCustomers(search: CustomerSearch) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'list', search],
    queryFn: async ({ pageParam, signal }) =>
      present(
        unwrap(
          await api.GET('/partner/customers', {
            params: { query: { ...search, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
            signal,
          }),
        ),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Customers matching a search, for pickers (the merge dialog): one short page. */
/** The engine's personas and craving drivers: the choices of the persona and craving filters. */
export function useIntelligenceCatalogue() {
  return useQuery({
    queryKey: ['intelligence', 'catalogue'],
    queryFn: async ({ signal }) => present(unwrap(await api.GET('/partner/analytics/catalogue', { signal }))),
    // One engine version per server: the catalogue changes only with a deployment.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...customersKey, 'search', q],
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/customers', { params: { query: { q, limit: 10 } }, signal })))
        .data,
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(customerId: string) {
  return useQuery({
    queryKey: [...customersKey, 'one', customerId],
    queryFn: async ({ signal }) =>
      present(
        unwrap(
          await api.GET('/partner/customers/{customerId}', { params: { path: { customerId } }, signal }),
        ),
      ),
  });
}

/** Analyses newest first; the first holds the current persona, cravings and profile. */
export function useCustomerAnalyses(customerId: string) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'analyses', customerId],
    queryFn: async ({ pageParam, signal }) =>
      present(
        unwrap(
          await api.GET('/partner/customers/{customerId}/analyses', {
            params: {
              path: { customerId },
              query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) },
            },
            signal,
          }),
        ),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export interface TransactionFilters {
  category?: string;
  from?: string;
  to?: string;
}

export function useCustomerTransactions(customerId: string, filters: TransactionFilters) {
  return useInfiniteQuery({
    queryKey: [...customersKey, 'transactions', customerId, filters],
    queryFn: async ({ pageParam, signal }) =>
      present(
        unwrap(
          await api.GET('/partner/customers/{customerId}/transactions', {
            params: {
              path: { customerId },
              query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
            },
            signal,
          }),
        ),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function useCustomerMutation<Variables, Data>(mutationFn: (variables: Variables) => Promise<Data>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: customersKey }),
  });
}

export function useUpdateCustomer(customerId: string) {
  return useCustomerMutation(async (body: UpdateCustomerRequest) =>
    present(
      unwrap(await api.PATCH('/partner/customers/{customerId}', { params: { path: { customerId } }, body })),
    ),
  );
}

export function useSetArchived(customerId: string) {
  return useCustomerMutation(async (archived: boolean) => {
    const params = { params: { path: { customerId } } };
    return present(
      unwrap(
        archived
          ? await api.POST('/partner/customers/{customerId}/archive', params)
          : await api.POST('/partner/customers/{customerId}/unarchive', params),
      ),
    );
  });
}

export function useMergeCustomers(customerId: string) {
  return useCustomerMutation(async (duplicateIds: string[]) =>
    present(
      unwrap(
        await api.POST('/partner/customers/{customerId}/merge', {
          params: { path: { customerId } },
          body: { duplicateIds },
        }),
      ),
    ),
  );
}

/** The report download; the server streams the file. */
export function customerReportUrl(customerId: string, format: 'pdf' | 'csv'): string {
  return `/partner/customers/${encodeURIComponent(customerId)}/report?format=${format}`;
}
