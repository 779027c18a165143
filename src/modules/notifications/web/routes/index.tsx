import { createFileRoute, Link } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Card, CardContent } from '@web/ui/card';
import { BellIcon, SettingsIcon } from 'lucide-react';
import { NotificationList } from '../components/notification-list';
import { useMarkAllRead, useMarkRead, useNotifications, useNotificationsLive } from '../queries';

export const Route = createFileRoute('/notifications/')({
  head: () => ({ meta: [{ title: 'Notifications · Atrium' }] }),
  component: NotificationsPage,
});

function NotificationsPage() {
  useNotificationsLive();
  const list = useNotifications({ limit: 100 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What Atrium told you in this organisation: failed jobs, expiring keys, webhook trouble and more."
        actions={
          <>
            <Button
              variant="outline"
              disabled={!items.some((item) => !item.readAt) || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </Button>
            <Button variant="outline" asChild>
              <Link to="/notifications/preferences">
                <SettingsIcon aria-hidden="true" />
                Preferences
              </Link>
            </Button>
          </>
        }
      />
      {list.isPending ? (
        <LoadingState label="Loading notifications…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<BellIcon />}
          title="No notifications yet"
          description="When a job fails, a key is about to expire or an endpoint keeps failing, you hear about it here."
        />
      ) : (
        <Card>
          <CardContent>
            <NotificationList items={items} onRead={(id) => markRead.mutate(id)} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
