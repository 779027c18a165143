import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';

/** One row describing this installation; the id is pinned to 1. */
export const systemInstance = pgTable(
  'system_instance',
  {
    id: smallint('id').primaryKey().default(1),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
    demoSeededAt: timestamp('demo_seeded_at', { withTimezone: true }),
    workerHeartbeatAt: timestamp('worker_heartbeat_at', { withTimezone: true }),
  },
  (table) => [check('system_instance_singleton', sql`${table.id} = 1`)],
);
