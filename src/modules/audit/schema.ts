import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/**
 * The audit trail: append-only (a trigger refuses UPDATE and DELETE), and chained per tenant:
 * `hash` covers the event and the previous event's hash, so editing or removing a row breaks the
 * chain at that row. Operator actions outside any tenant chain under a null tenant.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id'),
    /** Position in the tenant's chain, from 1, without gaps. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', tz).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    /** Text, not inet: inet rewrites addresses (case, zero runs) and the hash covers them as written. */
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    uniqueIndex('audit_events_chain_idx').on(
      sql`coalesce(${table.tenantId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      table.seq,
    ),
    index('audit_events_tenant_time_idx').on(table.tenantId, table.occurredAt),
    index('audit_events_tenant_action_idx').on(table.tenantId, table.action),
  ],
);
