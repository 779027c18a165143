import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { NOTIFICATION_COLUMNS, type NotificationRow, toNotificationView } from './present.js';

/** The user's notifications in this tenant, newest first, by keyset pages. */
export async function listNotifications(
  tx: TenantTx,
  options: { userId: string; unread?: boolean; cursor?: string; limit: number },
) {
  const before = options.cursor === undefined ? undefined : fromPublicId('notification', options.cursor);
  if (options.cursor !== undefined && !before) {
    throw new ProblemError('validation_failed', 'query.cursor: not a cursor this API returned', {
      errors: [{ path: 'query.cursor', message: 'Not a cursor this API returned; start again without one.' }],
    });
  }
  const { rows } = await tx.client.query<NotificationRow>(
    `SELECT ${NOTIFICATION_COLUMNS} FROM notifications
      WHERE tenant_id = $1 AND user_id = $2 AND ($3::uuid IS NULL OR id < $3)
        AND (NOT $4 OR read_at IS NULL)
      ORDER BY id DESC LIMIT $5`,
    [tx.tenantId, options.userId, before ?? null, options.unread ?? false, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map(toNotificationView);
  return { data: page, nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function countUnread(tx: TenantTx, userId: string): Promise<number> {
  const { rows } = await tx.client.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM notifications WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [tx.tenantId, userId],
  );
  return rows[0]?.count ?? 0;
}
