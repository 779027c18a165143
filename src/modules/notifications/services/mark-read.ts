import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { LIVE_EVENT_TYPES } from '../../live/contract.js';
import { publishLive } from '../../live/index.js';
import { NOTIFICATION_COLUMNS, type NotificationRow, toNotificationView } from './present.js';

/**
 * Marks one of the user's notifications read (again: it stays read at its first time). Another
 * user's or tenant's notification is not found. The user's other tabs hear of it live.
 */
export async function markRead(tx: TenantTx, userId: string, notificationId: string) {
  const id = fromPublicId('notification', notificationId);
  const { rows } = id
    ? await tx.client.query<NotificationRow>(
        `UPDATE notifications SET read_at = coalesce(read_at, now())
          WHERE id = $1 AND tenant_id = $2 AND user_id = $3 RETURNING ${NOTIFICATION_COLUMNS}`,
        [id, tx.tenantId, userId],
      )
    : { rows: [] };
  const row = rows[0];
  if (!row) throw new ProblemError('not_found', 'No such notification.');
  const view = toNotificationView(row);
  await publishLive(tx, {
    tenantId: tx.tenantId,
    userId,
    type: LIVE_EVENT_TYPES.notificationsRead,
    data: { ids: [view.id] },
  });
  return view;
}

export async function markAllRead(tx: TenantTx, userId: string): Promise<{ updated: number }> {
  const result = await tx.client.query(
    'UPDATE notifications SET read_at = now() WHERE tenant_id = $1 AND user_id = $2 AND read_at IS NULL',
    [tx.tenantId, userId],
  );
  const updated = result.rowCount ?? 0;
  if (updated > 0) {
    await publishLive(tx, {
      tenantId: tx.tenantId,
      userId,
      type: LIVE_EVENT_TYPES.notificationsRead,
      data: { all: true },
    });
  }
  return { updated };
}
