import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';
import type { ReactNode } from 'react';

export type MyAccess = paths['/partner/access']['get']['responses'][200]['content']['application/json'];

export const accessQueryKey = ['access'] as const;

/** The caller's tenant, role and permissions (GET /partner/access). */
export function useAccess() {
  return useQuery({
    queryKey: accessQueryKey,
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/access', { signal })),
    staleTime: 30_000,
  });
}

/**
 * Whether the caller's role grants a permission. The UI hides what a role cannot do; the server
 * refuses it regardless, so this is about not offering dead ends, not about security.
 */
export function useCan(permission: string): boolean {
  const { data } = useAccess();
  return data?.permissions.includes(permission) ?? false;
}

/** Renders its children only when the caller holds the permission. */
export function Can({ permission, children }: { permission: string; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
