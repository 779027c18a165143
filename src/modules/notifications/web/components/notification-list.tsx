import { Link } from '@tanstack/react-router';
import { formatDateTime, formatRelativeTime } from '@web/lib/time';
import { cn } from '@web/lib/utils';
import { Button } from '@web/ui/button';
import type { NotificationItem } from '../queries';

/** Notifications as a list; unread ones stand out and can be marked read one by one. */
export function NotificationList({
  items,
  onRead,
  onOpen,
}: {
  items: readonly NotificationItem[];
  onRead: (id: string) => void;
  onOpen?: () => void;
}) {
  return (
    <ul className="flex flex-col divide-y" aria-label="Notifications">
      {items.map((item) => (
        <li key={item.id} className={cn('flex items-start gap-3 py-3', !item.readAt && 'font-medium')}>
          <span
            aria-hidden="true"
            className={cn(
              'mt-1.5 size-2 shrink-0 rounded-full',
              item.readAt ? 'bg-transparent' : 'bg-primary',
            )}
          />
          <div className="flex min-w-0 flex-1 flex-col gap-0.5">
            {item.link ? (
              <Link
                to={item.link}
                className="truncate text-sm underline-offset-4 hover:underline"
                onClick={() => {
                  if (!item.readAt) onRead(item.id);
                  onOpen?.();
                }}
              >
                {item.title}
              </Link>
            ) : (
              <span className="truncate text-sm">{item.title}</span>
            )}
            <p className="line-clamp-2 font-normal text-muted-foreground text-xs">{item.body}</p>
            <time
              dateTime={item.createdAt}
              title={formatDateTime(new Date(item.createdAt))}
              className="font-normal text-muted-foreground text-xs"
            >
              {formatRelativeTime(new Date(item.createdAt))}
            </time>
          </div>
          {!item.readAt && (
            <Button
              variant="ghost"
              size="sm"
              className="shrink-0"
              aria-label={`Mark “${item.title}” read`}
              onClick={() => onRead(item.id)}
            >
              Mark read
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
