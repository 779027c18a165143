import { index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authUser } from '../identity/schema.js';
import { tenants } from '../tenancy/schema.js';

const tz = { withTimezone: true } as const;

/**
 * Long work a tenant can watch (SPEC C8): an export, an analysis, a screening run. Written by the
 * handlers themselves through the jobs module's helpers; the queue's own tables stay internal.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** What kind of work, `<module>.<job>`: `logs.export`. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** queued → running → succeeded | failed. */
    state: text('state').notNull(),
    progress: smallint('progress').notNull().default(0),
    error: text('error'),
    createdBy: uuid('created_by').references(() => authUser.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    startedAt: timestamp('started_at', tz),
    finishedAt: timestamp('finished_at', tz),
  },
  (table) => [
    index('job_runs_tenant_id_idx').on(table.tenantId, table.id),
    index('job_runs_tenant_state_idx').on(table.tenantId, table.state),
  ],
);
