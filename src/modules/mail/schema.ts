import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Mail kept instead of sent when no SMTP server is configured (the embedded default), so that
 * sign-in links and invitations work on a fresh installation. Operator-only; never tenant data.
 */
export const devMailbox = pgTable(
  'mail_dev_mailbox',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    from: text('from').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
  },
  (table) => [index('mail_dev_mailbox_received_at_idx').on(table.receivedAt)],
);
