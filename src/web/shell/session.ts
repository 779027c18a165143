import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';

export type CurrentUser = paths['/partner/me']['get']['responses'][200]['content']['application/json'];

export const currentUserQueryKey = ['identity', 'me'] as const;

/** The signed-in user (GET /partner/me); a 401 ProblemError when there is no session. */
export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/me', { signal })),
    staleTime: 60_000,
  });
}

/**
 * Ends the session, forgets every cached answer (they belonged to this user) and goes to the
 * sign-in page. The cache is dropped even if the server could not be reached: the user asked to
 * leave, and the next page asks the server again anyway.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/partner/auth/sign-out', { body: {} })),
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in' });
    },
  });
}
