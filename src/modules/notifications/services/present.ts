import type { Context } from 'hono';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { NotificationCategory } from '../contract.js';

export interface NotificationRow {
  id: string;
  category: string;
  title: string;
  body: string;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

export const NOTIFICATION_COLUMNS = 'id, category, title, body, link, read_at, created_at';

export function toNotificationView(row: NotificationRow) {
  return {
    id: toPublicId('notification', row.id),
    category: row.category as NotificationCategory,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.read_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export type NotificationView = ReturnType<typeof toNotificationView>;

/** Notifications belong to a user: API keys have none. */
export function callerUserId(c: Context<AppEnv>): string {
  const userId = c.get('principal')?.userId;
  if (!userId) throw new ProblemError('forbidden', 'Notifications belong to signed-in users.');
  return userId;
}
