import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { listRecipients } from '../../access/index.js';
import { LIVE_EVENT_TYPES } from '../../live/contract.js';
import { publishLive } from '../../live/index.js';
import { queueMail } from '../../mail/index.js';
import { CATEGORY_INFO, type NotificationCategory } from '../contract.js';
import {
  NOTIFICATION_COLUMNS,
  type NotificationRow,
  type NotificationView,
  toNotificationView,
} from './present.js';

export interface NotifyInput {
  tenantId: string;
  category: NotificationCategory;
  title: string;
  body: string;
  /** A dashboard path, e.g. `/keys`; mails carry it as a full link. */
  link?: string;
  /** Exactly these members (non-members are skipped). */
  userIds?: readonly string[];
  /** Members whose role grants this permission. */
  permission?: string;
  /** Members with one of these role keys. Without userIds, permission or roles: Owners and Admins. */
  roles?: readonly string[];
  /** Sends at most once per tenant for this key (e.g. `key-expiring:<key id>:<expiry>`). */
  dedupeKey?: string;
}

export interface NotifyResult {
  /** The in-app notifications created, one per recipient who keeps the category in-app. */
  notifications: (NotificationView & { userId: string })[];
  /** Recipients a mail was queued for. */
  emailed: string[];
}

interface PreferenceRow {
  user_id: string;
  in_app: boolean;
  email: boolean;
}

/**
 * Tells a tenant's members about something, in the caller's transaction: resolves who (see
 * NotifyInput), honours each one's preferences for the category, stores the in-app notifications,
 * publishes `notification.created` to each recipient's live stream, and queues the mail for
 * those who get it by email. All of it commits or rolls back with the caller's change.
 */
export async function notify(services: AppServices, tx: Tx, input: NotifyInput): Promise<NotifyResult> {
  const none: NotifyResult = { notifications: [], emailed: [] };
  if (input.dedupeKey) {
    const claimed = await tx.client.query(
      `INSERT INTO notification_once (tenant_id, dedupe_key) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [input.tenantId, input.dedupeKey],
    );
    if (claimed.rowCount === 0) return none;
  }
  const recipients = await listRecipients(services, tx, input);
  if (recipients.length === 0) return none;
  const { rows: preferences } = await tx.client.query<PreferenceRow>(
    `SELECT user_id, in_app, email FROM notification_preferences WHERE category = $1 AND user_id = ANY($2::uuid[])`,
    [input.category, recipients.map((recipient) => recipient.userId)],
  );
  const chosen = new Map(preferences.map((row) => [row.user_id, row]));
  const important = CATEGORY_INFO[input.category].important;
  const result: NotifyResult = { notifications: [], emailed: [] };
  for (const recipient of recipients) {
    const preference = chosen.get(recipient.userId);
    if (preference?.in_app ?? true) {
      const { rows } = await tx.client.query<NotificationRow>(
        `INSERT INTO notifications (id, tenant_id, user_id, category, title, body, link)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${NOTIFICATION_COLUMNS}`,
        [
          uuidv7(),
          input.tenantId,
          recipient.userId,
          input.category,
          input.title,
          input.body,
          input.link ?? null,
        ],
      );
      const view = toNotificationView(rows[0] as NotificationRow);
      await publishLive(tx, {
        tenantId: input.tenantId,
        userId: recipient.userId,
        type: LIVE_EVENT_TYPES.notificationCreated,
        data: view,
      });
      result.notifications.push({ ...view, userId: recipient.userId });
    }
    if (preference?.email ?? important) {
      await queueMail(services, tx, {
        to: recipient.email,
        subject: input.title,
        text: mailText(services, input),
      });
      result.emailed.push(recipient.userId);
    }
  }
  return result;
}

function mailText(services: AppServices, input: NotifyInput): string {
  const base = services.config.ATRIUM_PUBLIC_URL ?? `http://localhost:${services.config.PORT}`;
  const link = input.link ? `\n\nOpen: ${new URL(input.link, base).toString()}` : '';
  const settings = new URL('/notifications/preferences', base).toString();
  return `${input.body}${link}\n\n—\nYou get this mail for “${CATEGORY_INFO[input.category].title}” notifications. Change that at ${settings}`;
}
