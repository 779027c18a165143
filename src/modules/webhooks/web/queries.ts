import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';
import { useLiveInvalidate } from '@web/live/live-invalidate';

export type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
export type WebhookEventType = components['schemas']['WebhookEventType'];
export type WebhookAttempt = components['schemas']['WebhookAttempt'];
export type WebhookStats = components['schemas']['WebhookStats'];
type AttemptList = components['schemas']['WebhookAttemptList'];
type CreateEndpointRequest = components['schemas']['CreateWebhookEndpointRequest'];
type UpdateEndpointRequest = components['schemas']['UpdateWebhookEndpointRequest'];

/** Filters of a delivery log, as they stand in the URL (times as ISO 8601). */
export interface DeliverySearch {
  appId?: string;
  endpointId?: string;
  eventType?: string;
  status?: 'success' | 'failed';
  from?: string;
  to?: string;
}

export const DELIVERY_SEARCH_KEYS = ['appId', 'endpointId', 'eventType', 'status', 'from', 'to'] as const;

const PAGE_SIZE = 50;
/** How often an open delivery list looks for new attempts while a test event is on its way. */
const WATCH_MS = 1_000;

function present<T>(body: T | undefined): T {
  if (body === undefined) throw new Error('The server answered without a body.');
  return body;
}

const webhooksKey = ['webhooks'] as const;
const endpointsKey = [...webhooksKey, 'endpoints'] as const;

/** The tenant's endpoints, or one app's when `appId` is given; newest first. */
export function useWebhookEndpoints(appId?: string) {
  return useQuery({
    queryKey: [...endpointsKey, 'list', appId ?? null],
    queryFn: async ({ signal }) =>
      present(
        unwrap(await api.GET('/partner/webhooks', { params: { query: appId ? { appId } : {} }, signal })),
      ).data,
  });
}

export function useWebhookEndpoint(endpointId: string) {
  return useQuery({
    queryKey: [...endpointsKey, 'one', endpointId],
    queryFn: async ({ signal }) =>
      present(
        unwrap(await api.GET('/partner/webhooks/{endpointId}', { params: { path: { endpointId } }, signal })),
      ),
  });
}

/** The event catalogue; it changes only with the server's modules. */
export function useEventTypes() {
  return useQuery({
    queryKey: [...webhooksKey, 'event-types'],
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/webhooks/event-types', { signal }))).data,
    staleTime: 5 * 60_000,
  });
}

/** One app's name and environment, for the endpoint page's breadcrumb. */
export function useAppSummary(appId: string | undefined) {
  return useQuery({
    queryKey: [...webhooksKey, 'app', appId],
    queryFn: async ({ signal }) =>
      present(
        unwrap(await api.GET('/partner/apps/{appId}', { params: { path: { appId: appId ?? '' } }, signal })),
      ),
    enabled: Boolean(appId),
    staleTime: 60_000,
  });
}

/** Apps to pick from in the log filters: the first page is enough for a filter. */
export function useAppChoices() {
  return useQuery({
    queryKey: [...webhooksKey, 'apps'],
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/apps', { params: { query: { limit: 100 } }, signal }))).data,
    staleTime: 60_000,
  });
}

export function useEndpointStats(endpointId: string, days: number) {
  return useQuery({
    queryKey: [...endpointsKey, 'stats', endpointId, days],
    queryFn: async ({ signal }) =>
      present(
        unwrap(
          await api.GET('/partner/webhooks/{endpointId}/stats', {
            params: { path: { endpointId }, query: { days } },
            signal,
          }),
        ),
      ),
    placeholderData: keepPreviousData,
  });
}

interface DeliveryListOptions {
  /** `endpoint`: the endpoint's own log (needs `endpointId`); `tenant` (default): the tenant's. */
  scope?: 'endpoint' | 'tenant';
  /** Poll while this is set, e.g. until a test event's attempt shows up. */
  watch?: boolean;
}

const DELIVERY_EVENTS = ['webhook.delivery'] as const;

/**
 * Delivery attempts, newest first, one cursor page at a time ("Load more"). Each finished attempt
 * (the live `webhook.delivery` event) refreshes the logs and the stats on screen.
 */
export function useDeliveries(search: DeliverySearch, options: DeliveryListOptions = {}) {
  useLiveInvalidate(DELIVERY_EVENTS, webhooksKey);
  return useInfiniteQuery({
    queryKey: [...webhooksKey, 'deliveries', options.scope ?? 'tenant', search],
    queryFn: async ({ pageParam, signal }): Promise<AttemptList> => {
      const { appId, endpointId, ...filters } = search;
      const query = { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) };
      if (options.scope === 'endpoint' && endpointId) {
        return present(
          unwrap(
            await api.GET('/partner/webhooks/{endpointId}/logs', {
              params: { path: { endpointId }, query },
              signal,
            }),
          ),
        );
      }
      return present(
        unwrap(
          await api.GET('/partner/webhooks/logs', {
            params: {
              query: { ...query, ...(appId ? { appId } : {}), ...(endpointId ? { endpointId } : {}) },
            },
            signal,
          }),
        ),
      );
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: options.watch ? WATCH_MS : false,
  });
}

function useWebhookMutation<Variables, Data>(mutationFn: (variables: Variables) => Promise<Data>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useCreateEndpoint() {
  return useWebhookMutation(async (body: CreateEndpointRequest) =>
    present(unwrap(await api.POST('/partner/webhooks', { body }))),
  );
}

export function useUpdateEndpoint(endpointId: string) {
  return useWebhookMutation(async (body: UpdateEndpointRequest) =>
    present(
      unwrap(await api.PATCH('/partner/webhooks/{endpointId}', { params: { path: { endpointId } }, body })),
    ),
  );
}

export function useDeleteEndpoint(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.DELETE('/partner/webhooks/{endpointId}', { params: { path: { endpointId } } })),
    // Only the lists: the deleted endpoint's own queries would answer 404 while its page closes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...endpointsKey, 'list'] }),
  });
}

export function useRotateSecret(endpointId: string) {
  return useWebhookMutation(async () =>
    present(
      unwrap(
        await api.POST('/partner/webhooks/{endpointId}/rotate-secret', { params: { path: { endpointId } } }),
      ),
    ),
  );
}

/** A mutation, not a query: every reveal is audited, so it happens only when asked for. */
export function useRevealSecret(endpointId: string) {
  return useMutation({
    mutationFn: async () =>
      present(
        unwrap(await api.GET('/partner/webhooks/{endpointId}/secret', { params: { path: { endpointId } } })),
      ),
  });
}

export function useSendTestEvent(endpointId: string) {
  return useWebhookMutation(async (eventType: string | undefined) =>
    present(
      unwrap(
        await api.POST('/partner/webhooks/test', {
          body: { endpointId, ...(eventType ? { eventType } : {}) },
        }),
      ),
    ),
  );
}

export function useRetryDelivery() {
  return useWebhookMutation(async (deliveryId: string) =>
    present(
      unwrap(
        await api.POST('/partner/webhooks/deliveries/{deliveryId}/retry', {
          params: { path: { deliveryId } },
        }),
      ),
    ),
  );
}

export function useReplayEndpoint(endpointId: string) {
  return useWebhookMutation(async (since: string) =>
    present(
      unwrap(
        await api.POST('/partner/webhooks/{endpointId}/replay', {
          params: { path: { endpointId } },
          body: { since },
        }),
      ),
    ),
  );
}
