import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authUser } from '../identity/schema.js';
import { tenants } from '../tenancy/schema.js';

const tz = { withTimezone: true } as const;

/** In-app notifications: one row per recipient, in the tenant it concerns. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A dashboard path (`/keys`) the notification opens. */
    link: text('link'),
    readAt: timestamp('read_at', tz),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_tenant_user_id_idx').on(table.tenantId, table.userId, table.id),
    index('notifications_unread_idx').on(table.tenantId, table.userId).where(sql`${table.readAt} IS NULL`),
  ],
);

/**
 * A user's choices per category and channel; a missing row means the category's defaults (in-app
 * on, email on for the important categories). Per user, across the tenants they belong to.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.category] })],
);

/**
 * Notifications that must go out once (a key about to expire): the sender's dedupe key, claimed in
 * the transaction that sends, so a daily job that runs twice notifies once.
 */
export const notificationOnce = pgTable(
  'notification_once',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.dedupeKey] })],
);
