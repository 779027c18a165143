import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';

export type Project = components['schemas']['Project'];
export type App = components['schemas']['App'];
export type AppOverview = components['schemas']['AppOverview'];
export type AppEnvironment = App['environment'];
export type TenantProfile = components['schemas']['TenantProfile'];
export type TenantType = TenantProfile['type'];
type CreateAppRequest = components['schemas']['CreateAppRequest'];
type UpdateAppRequest = components['schemas']['UpdateAppRequest'];
type UpdateProjectRequest = components['schemas']['UpdateProjectRequest'];
type UpdateTenantProfileRequest = components['schemas']['UpdateTenantProfileRequest'];

export interface AppFilters {
  projectId?: string;
  environment?: AppEnvironment;
  q?: string;
}

const tenancyKey = ['tenancy'] as const;
const keys = {
  projects: [...tenancyKey, 'projects'] as const,
  apps: (filters: AppFilters) => [...tenancyKey, 'apps', filters] as const,
  app: (appId: string) => [...tenancyKey, 'app', appId] as const,
  overview: (appId: string) => [...tenancyKey, 'app', appId, 'overview'] as const,
  changes: (appId: string) => [...tenancyKey, 'app', appId, 'changes'] as const,
  profile: [...tenancyKey, 'profile'] as const,
};

const APP_PAGE_SIZE = 50;

/**
 * The answer's body. openapi-fetch types every body as possibly absent; a 2xx answer that
 * declares content always has one, so an absent body is a broken server, not a case to handle.
 */
export function responseBody<T>(data: T | undefined): T {
  if (data === undefined) throw new Error('The server answered without a body.');
  return data;
}

export function useProjects() {
  return useQuery({
    queryKey: keys.projects,
    queryFn: async ({ signal }) => responseBody(unwrap(await api.GET('/partner/projects', { signal }))).data,
  });
}

/** Apps matching the filters, a page at a time (newest first). */
export function useApps(filters: AppFilters) {
  return useInfiniteQuery({
    queryKey: keys.apps(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      responseBody(
        unwrap(
          await api.GET('/partner/apps', {
            params: { query: { ...filters, limit: APP_PAGE_SIZE, cursor: pageParam } },
            signal,
          }),
        ),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useApp(appId: string) {
  return useQuery({
    queryKey: keys.app(appId),
    queryFn: async ({ signal }) =>
      responseBody(unwrap(await api.GET('/partner/apps/{appId}', { params: { path: { appId } }, signal }))),
  });
}

export function useAppOverview(appId: string) {
  return useQuery({
    queryKey: keys.overview(appId),
    queryFn: async ({ signal }) =>
      responseBody(
        unwrap(await api.GET('/partner/apps/{appId}/overview', { params: { path: { appId } }, signal })),
      ),
  });
}

/** The app's latest audit events (the audit module's API; needs audit:read). */
export function useRecentAppChanges(appId: string) {
  return useQuery({
    queryKey: keys.changes(appId),
    queryFn: async ({ signal }) =>
      responseBody(
        unwrap(
          await api.GET('/partner/audit/events', {
            params: { query: { targetType: 'app', targetId: appId, limit: 5 } },
            signal,
          }),
        ),
      ).data,
  });
}

export function useTenantProfile() {
  return useQuery({
    queryKey: keys.profile,
    queryFn: async ({ signal }) => responseBody(unwrap(await api.GET('/partner/tenant', { signal }))),
  });
}

/**
 * A mutation after which every tenancy query is stale: projects show app counts and apps show
 * project names, so a change to one is visible in the other.
 */
function useTenancyMutation<Input, Output>(
  mutationFn: (input: Input) => Promise<Output>,
  options: { refetch?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: tenancyKey,
        ...(options.refetch === false ? { refetchType: 'none' as const } : {}),
      }),
  });
}

export function useCreateProject() {
  return useTenancyMutation(async (body: { name: string; description: string }) =>
    responseBody(unwrap(await api.POST('/partner/projects', { body }))),
  );
}

export function useUpdateProject() {
  return useTenancyMutation(async ({ projectId, ...body }: UpdateProjectRequest & { projectId: string }) =>
    responseBody(
      unwrap(await api.PATCH('/partner/projects/{projectId}', { params: { path: { projectId } }, body })),
    ),
  );
}

export function useDeleteProject() {
  return useTenancyMutation(async (projectId: string) =>
    unwrap(await api.DELETE('/partner/projects/{projectId}', { params: { path: { projectId } } })),
  );
}

export function useCreateApp() {
  return useTenancyMutation(async (body: CreateAppRequest) =>
    responseBody(unwrap(await api.POST('/partner/apps', { body }))),
  );
}

export function useUpdateApp(appId: string) {
  return useTenancyMutation(async (body: UpdateAppRequest) =>
    responseBody(unwrap(await api.PATCH('/partner/apps/{appId}', { params: { path: { appId } }, body }))),
  );
}

/**
 * Marks the lists stale without refetching: the caller leaves the deleted app's page, and
 * refetching it first would only fetch a 404.
 */
export function useDeleteApp() {
  return useTenancyMutation(
    async (appId: string) =>
      unwrap(await api.DELETE('/partner/apps/{appId}', { params: { path: { appId } } })),
    { refetch: false },
  );
}

export function useUpdateTenantProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UpdateTenantProfileRequest) =>
      responseBody(unwrap(await api.PATCH('/partner/tenant', { body }))),
    onSuccess: (profile) => {
      queryClient.setQueryData(keys.profile, profile);
      // The tenant's name shows in the tenant switcher and the access summary.
      return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'tenancy' });
    },
  });
}
