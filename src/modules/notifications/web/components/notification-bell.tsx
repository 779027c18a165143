import { Link } from '@tanstack/react-router';
import { useAccess } from '@web/lib/access';
import { Button } from '@web/ui/button';
import { BellIcon } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useState } from 'react';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useNotificationsLive,
  useUnreadCount,
} from '../queries';
import { NotificationList } from './notification-list';

/**
 * The bell in the top bar: the unread count, live, and the latest notifications in a popover.
 * Notifications belong to an organisation: a user in none (still onboarding) has no bell.
 */
export function NotificationBell() {
  const access = useAccess();
  if (!access.data?.tenant) return null;
  return <Bell />;
}

function Bell() {
  useNotificationsLive();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data?.count ?? 0;
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}
        >
          <BellIcon aria-hidden="true" />
          {count > 0 && (
            <span
              data-testid="unread-badge"
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 font-medium text-[0.65rem] text-white"
            >
              {count > 99 ? '99+' : count}
            </span>
          )}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={8}
          aria-label="Notifications"
          className="z-50 w-[min(24rem,calc(100vw-1rem))] rounded-lg border bg-popover p-3 text-popover-foreground shadow-md outline-none"
        >
          {open && <BellPanel onNavigate={() => setOpen(false)} />}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function BellPanel({ onNavigate }: { onNavigate: () => void }) {
  const list = useNotifications({ limit: 8 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.data ?? [];
  const anyUnread = items.some((item) => !item.readAt);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold text-sm">Notifications</h2>
        <Button
          variant="ghost"
          size="sm"
          disabled={!anyUnread || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </Button>
      </div>
      {list.isPending ? (
        <p className="py-4 text-center text-muted-foreground text-sm">Loading…</p>
      ) : list.isError ? (
        <p className="py-4 text-center text-destructive text-sm">Could not load notifications.</p>
      ) : items.length === 0 ? (
        <p className="py-4 text-center text-muted-foreground text-sm">Nothing yet. You’re all caught up.</p>
      ) : (
        <div className="max-h-96 overflow-y-auto">
          <NotificationList items={items} onRead={(id) => markRead.mutate(id)} onOpen={onNavigate} />
        </div>
      )}
      <div className="flex justify-between border-t pt-2 text-sm">
        <Link to="/notifications" className="underline-offset-4 hover:underline" onClick={onNavigate}>
          All notifications
        </Link>
        <Link
          to="/notifications/preferences"
          className="underline-offset-4 hover:underline"
          onClick={onNavigate}
        >
          Preferences
        </Link>
      </div>
    </div>
  );
}
