import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apps, tenants } from '../tenancy/schema.js';

const tz = { withTimezone: true } as const;

/**
 * An API key of one app. Only the SHA-256 of the secret is kept; `prefix` is its visible start so
 * people can tell their keys apart. A rotated-out key keeps working until `grace_until`.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    /** The app's environment when the key was made: decides `atr_live_` or `atr_test_`. */
    environment: text('environment').notNull(),
    label: text('label').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', tz),
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', tz),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', tz),
    /** For a rotated-out key: it authenticates until then. */
    graceUntil: timestamp('grace_until', tz),
    replacedBy: uuid('replaced_by'),
  },
  (table) => [
    uniqueIndex('api_keys_secret_hash_idx').on(table.secretHash),
    index('api_keys_tenant_app_idx').on(table.tenantId, table.appId),
  ],
);

/**
 * `Idempotency-Key` of Public API POSTs: the first request's fingerprint and, once it finished,
 * its response, replayed to a retry with the same key and body for 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: another body under the same key is a 422. */
    fingerprint: text('fingerprint').notNull(),
    /** `pending` while the first request runs (a concurrent duplicate is a 409), then `done`. */
    state: text('state').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers'),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.key] }),
    index('idempotency_keys_expires_idx').on(table.expiresAt),
  ],
);
