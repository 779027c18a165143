import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/**
 * Live events of the last hour: what `GET /partner/stream` sends. Each row is written in the
 * transaction of the change it announces and NOTIFYed on commit; the table is what a client that
 * reconnects with `Last-Event-ID` replays from. Rows older than an hour are pruned.
 * No foreign keys: the rows live an hour, and the request-log writer must never fail a batch
 * because a tenant was deleted in the meantime.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    /** UUIDv7: ids sort by time, so "newer than the client's last event" is `id > $1`. */
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    /** Set for an event meant for one user (a notification); null for the whole tenant. */
    userId: uuid('user_id'),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    index('live_events_tenant_id_idx').on(table.tenantId, table.id),
    index('live_events_created_at_idx').on(table.createdAt),
  ],
);
