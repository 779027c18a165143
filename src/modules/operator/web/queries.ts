import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';

type TenantQuery = NonNullable<paths['/operator/tenants']['get']['parameters']['query']>;
export type OperatorTenantList =
  paths['/operator/tenants']['get']['responses'][200]['content']['application/json'];
export type Mailbox = paths['/operator/mailbox']['get']['responses'][200]['content']['application/json'];

export function useOperatorTenants(query: TenantQuery) {
  return useQuery({
    queryKey: ['operator', 'tenants', query],
    queryFn: async ({ signal }) => unwrap(await api.GET('/operator/tenants', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMailbox(to: string | undefined) {
  return useQuery({
    queryKey: ['operator', 'mailbox', to ?? ''],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/operator/mailbox', {
          params: { query: { limit: 100, ...(to ? { to } : {}) } },
          signal,
        }),
      ),
    // New mail arrives from the worker on its own: keep the list fresh while the page is open.
    refetchInterval: 5_000,
    placeholderData: keepPreviousData,
  });
}

export type CreateTenantInput = NonNullable<
  paths['/operator/tenants']['post']['requestBody']
>['content']['application/json'];

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTenantInput) => unwrap(await api.POST('/operator/tenants', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operator'] }),
  });
}
