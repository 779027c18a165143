import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components, paths } from '@web/api/schema';
import { accessQueryKey } from '@web/lib/access';

export type Member = components['schemas']['Member'];
export type Invitation = components['schemas']['Invitation'];
export type Role = components['schemas']['Role'];
export type Permission = components['schemas']['Permission'];
type CreateRoleRequest = components['schemas']['CreateRoleRequest'];
type UpdateRoleRequest = components['schemas']['UpdateRoleRequest'];
type AuditEventList = paths['/partner/audit/events']['get']['responses'][200]['content']['application/json'];
export type TeamEvent = AuditEventList['data'][number];

/**
 * `unwrap` types a success's body as possibly undefined (openapi-fetch's failure branch has no
 * data); an operation that answers JSON always has one.
 */
function present<T>(body: T | undefined): T {
  if (body === undefined) throw new Error('The server answered without a body.');
  return body;
}

const teamKey = ['access'] as const;
const keys = {
  members: [...teamKey, 'members'] as const,
  invitations: [...teamKey, 'invitations'] as const,
  roles: [...teamKey, 'roles'] as const,
  permissions: [...teamKey, 'permissions'] as const,
  invitation: (token: string) => [...teamKey, 'invitation', token] as const,
};

export function useMembers() {
  return useQuery({
    queryKey: keys.members,
    queryFn: async ({ signal }) => present(unwrap(await api.GET('/partner/team/members', { signal }))).data,
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: keys.invitations,
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/team/invitations', { signal }))).data,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: keys.roles,
    queryFn: async ({ signal }) => present(unwrap(await api.GET('/partner/roles', { signal }))).data,
  });
}

export function usePermissionCatalogue() {
  return useQuery({
    queryKey: keys.permissions,
    queryFn: async ({ signal }) => present(unwrap(await api.GET('/partner/permissions', { signal }))).data,
    // The catalogue only changes when modules are enabled or disabled, i.e. on a restart.
    staleTime: 5 * 60_000,
  });
}

/**
 * A team change touches members, invitations, role counts and possibly the caller's own access
 * (their role, or leaving): refresh all of it rather than guess which.
 */
function useTeamMutation<Variables, Data>(mutationFn: (variables: Variables) => Promise<Data>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: teamKey }),
        queryClient.invalidateQueries({ queryKey: accessQueryKey }),
      ]);
    },
  });
}

export function useChangeMemberRole() {
  return useTeamMutation(async ({ memberId, roleId }: { memberId: string; roleId: string }) =>
    present(
      unwrap(
        await api.PATCH('/partner/team/members/{memberId}', {
          params: { path: { memberId } },
          body: { roleId },
        }),
      ),
    ),
  );
}

export function useRemoveMember() {
  return useTeamMutation(async (memberId: string) =>
    unwrap(await api.DELETE('/partner/team/members/{memberId}', { params: { path: { memberId } } })),
  );
}

export function useLeaveTeam() {
  return useTeamMutation(async () => unwrap(await api.POST('/partner/team/leave')));
}

export function useInviteMember() {
  return useTeamMutation(async (body: { email: string; roleId: string }) =>
    present(unwrap(await api.POST('/partner/team/invitations', { body }))),
  );
}

export function useResendInvitation() {
  return useTeamMutation(async (invitationId: string) =>
    present(
      unwrap(
        await api.POST('/partner/team/invitations/{invitationId}/resend', {
          params: { path: { invitationId } },
        }),
      ),
    ),
  );
}

export function useCancelInvitation() {
  return useTeamMutation(async (invitationId: string) =>
    unwrap(
      await api.DELETE('/partner/team/invitations/{invitationId}', { params: { path: { invitationId } } }),
    ),
  );
}

export function useCreateRole() {
  return useTeamMutation(async (body: CreateRoleRequest) =>
    present(unwrap(await api.POST('/partner/roles', { body }))),
  );
}

export function useUpdateRole() {
  return useTeamMutation(async ({ roleId, ...body }: UpdateRoleRequest & { roleId: string }) =>
    present(unwrap(await api.PATCH('/partner/roles/{roleId}', { params: { path: { roleId } }, body }))),
  );
}

export function useDeleteRole() {
  return useTeamMutation(async (roleId: string) =>
    unwrap(await api.DELETE('/partner/roles/{roleId}', { params: { path: { roleId } } })),
  );
}

/** Team events from the audit trail (members, invitations, roles), newest first, a page at a time. */
export function useTeamActivity() {
  return useInfiniteQuery({
    queryKey: [...teamKey, 'activity'],
    queryFn: async ({ pageParam, signal }) =>
      unwrap<AuditEventList>(
        await api.GET('/partner/audit/events', {
          params: {
            query: {
              action: 'member.,invitation.,role.',
              limit: 30,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** What an invitation link offers (public: works signed out). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: keys.invitation(token),
    queryFn: async ({ signal }) =>
      present(unwrap(await api.GET('/partner/invitations/{token}', { params: { path: { token } }, signal }))),
    enabled: token !== '',
    retry: false,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) =>
      present(unwrap(await api.POST('/partner/invitations/{token}/accept', { params: { path: { token } } }))),
    // The session now works in the new tenant: every cached answer belonged to the previous one,
    // except the link's preview, which is used up (asking again would only answer 404).
    onSuccess: (_joined, token) =>
      queryClient.invalidateQueries({
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(keys.invitation(token)),
      }),
  });
}
