import { useQuery } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { unwrapAuth } from './auth-result';

export const sessionsQueryKey = ['identity', 'sessions'] as const;
export const currentSessionQueryKey = ['identity', 'current-session'] as const;

/** The signed-in user's sessions, one per browser or device. */
export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: async ({ signal }) => unwrapAuth(await api.GET('/partner/auth/list-sessions', { signal })),
  });
}

/** This browser's session, to mark it in the list (its id changes when 2FA is turned on). */
export function useCurrentSession() {
  return useQuery({
    queryKey: currentSessionQueryKey,
    queryFn: async ({ signal }) => unwrapAuth(await api.GET('/partner/auth/get-session', { signal })),
  });
}
