import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { paths } from '@web/api/schema';
import { useLiveEvents } from '@web/live/live-events';

type NotificationList =
  paths['/partner/notifications']['get']['responses'][200]['content']['application/json'];
export type NotificationItem = NotificationList['data'][number];
export type NotificationPreference =
  paths['/partner/notifications/preferences']['get']['responses'][200]['content']['application/json']['data'][number];

const ROOT = ['notifications'] as const;

/** Keeps every notification query fresh from the live stream (new ones, read in another tab). */
export function useNotificationsLive() {
  const queryClient = useQueryClient();
  useLiveEvents(['notification.created', 'notifications.read'], () => {
    void queryClient.invalidateQueries({ queryKey: [...ROOT, 'list'] });
    void queryClient.invalidateQueries({ queryKey: [...ROOT, 'unread'] });
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...ROOT, 'unread'],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/partner/notifications/unread-count', { signal })) ?? { count: 0 },
  });
}

export function useNotifications(options: { unread?: boolean; limit?: number } = {}) {
  return useQuery({
    queryKey: [...ROOT, 'list', options],
    queryFn: async ({ signal }) =>
      unwrap<NotificationList>(
        await api.GET('/partner/notifications', {
          params: {
            query: { limit: options.limit ?? 20, ...(options.unread ? { unread: 'true' as const } : {}) },
          },
          signal,
        }),
      ),
  });
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ROOT });
}

export function useMarkRead() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: async (notificationId: string) =>
      unwrap(
        await api.POST('/partner/notifications/{notificationId}/read', {
          params: { path: { notificationId } },
        }),
      ),
    onSettled: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/partner/notifications/read-all')),
    onSettled: refresh,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: [...ROOT, 'preferences'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/notifications/preferences', { signal })),
  });
}

export function useUpdatePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preference: Pick<NotificationPreference, 'category' | 'inApp' | 'email'>) =>
      unwrap(await api.PUT('/partner/notifications/preferences', { body: { preferences: [preference] } })),
    onSuccess: (data) => queryClient.setQueryData([...ROOT, 'preferences'], data),
  });
}
