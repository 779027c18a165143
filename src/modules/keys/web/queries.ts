import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';

export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyWithSecret = components['schemas']['ApiKeyWithSecret'];
type CreateApiKeyRequest = components['schemas']['CreateApiKeyRequest'];

function present<T>(body: T | undefined): T {
  if (body === undefined) throw new Error('The server answered without a body.');
  return body;
}

const keysKey = ['keys'] as const;

/** The tenant's keys, or one app's when `appId` is given; newest first. */
export function useApiKeys(appId?: string) {
  return useQuery({
    queryKey: [...keysKey, 'list', appId ?? null],
    queryFn: async ({ signal }) =>
      present(
        unwrap(await api.GET('/partner/api-keys', { params: { query: appId ? { appId } : {} }, signal })),
      ).data,
  });
}

/** Apps to pick from in the filter: the first page is enough for a filter. */
export function useAppChoices() {
  return useQuery({
    queryKey: [...keysKey, 'apps'],
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/apps', { params: { query: { limit: 100 } }, signal }))).data,
    staleTime: 60_000,
  });
}

function useKeyMutation<Variables, Data>(mutationFn: (variables: Variables) => Promise<Data>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useCreateApiKey() {
  return useKeyMutation(async (body: CreateApiKeyRequest) =>
    present(unwrap(await api.POST('/partner/api-keys', { body }))),
  );
}

export function useRotateApiKey() {
  return useKeyMutation(async ({ keyId, graceDays }: { keyId: string; graceDays: number }) =>
    present(
      unwrap(
        await api.PATCH('/partner/api-keys/{keyId}/rotate', {
          params: { path: { keyId } },
          body: { graceDays },
        }),
      ),
    ),
  );
}

export function useRevokeApiKey() {
  return useKeyMutation(async (keyId: string) =>
    unwrap(await api.POST('/partner/api-keys/{keyId}/revoke', { params: { path: { keyId } } })),
  );
}

export type KeyUsage = components['schemas']['KeyUsage'];
type KeyUsageSummary = components['schemas']['KeyUsageSummary'];
export type UsageRange = KeyUsage['range'];

/** Requests today and error rate per key (keys without calls are absent from the map). */
export function useKeyUsageSummaries() {
  return useQuery({
    queryKey: ['usage', 'keys'],
    queryFn: async ({ signal }) => {
      const body = present(
        unwrap(await api.GET('/partner/usage/keys', { params: { query: { range: '24h' } }, signal })),
      );
      return new Map<string, KeyUsageSummary>(body.data.map((row) => [row.keyId, row]));
    },
    refetchInterval: 60_000,
  });
}

/** One key's calls in a range, for its usage chart. */
export function useKeyUsage(keyId: string, range: UsageRange, enabled: boolean) {
  return useQuery({
    queryKey: ['usage', 'key', keyId, range],
    queryFn: async ({ signal }) =>
      present(
        unwrap(
          await api.GET('/partner/api-keys/{keyId}/usage', {
            params: { path: { keyId }, query: { range } },
            signal,
          }),
        ),
      ),
    enabled,
  });
}
