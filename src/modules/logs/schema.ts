import {
  type AnyPgColumn,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;

/**
 * Every Partner and Public API request of a tenant, redacted before it is stored. Partitioned by
 * day on `created_at` (the migration declares the partitioning; drizzle-kit cannot), so retention
 * drops whole partitions. No foreign keys: the writer inserts tens of thousands of rows a second.
 */
export const requestLogs = pgTable(
  'request_logs',
  {
    id: uuid('id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
    createdAt: timestamp('created_at', tz).notNull(),
    appId: uuid('app_id'),
    keyId: uuid('key_id'),
    userId: uuid('user_id'),
    requestId: text('request_id').notNull(),
    /** `partner` (/partner/*) or `public` (/v1/*). */
    surface: text('surface').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** The route pattern, e.g. /partner/apps/{appId}. */
    route: text('route'),
    status: smallint('status').notNull(),
    latencyMs: real('latency_ms').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestHeaders: jsonb('request_headers'),
    responseHeaders: jsonb('response_headers'),
    /** Truncated and redacted. */
    requestBody: text('request_body'),
    responseBody: text('response_body'),
  },
  (table) => [uniqueIndex('request_logs_page_idx').on(table.tenantId, table.createdAt, table.id)],
);

const rollupColumns = {
  tenantId: uuid('tenant_id').notNull(),
  /** Start of the minute (or hour) the requests fall in. */
  bucket: timestamp('bucket', tz).notNull(),
  appId: uuid('app_id'),
  keyId: uuid('key_id'),
  userId: uuid('user_id'),
  method: text('method').notNull(),
  route: text('route').notNull(),
  /** 2, 3, 4 or 5 for 2xx … 5xx. */
  statusClass: smallint('status_class').notNull(),
  requests: integer('requests').notNull(),
  latencySumMs: doublePrecision('latency_sum_ms').notNull(),
  latencyMaxMs: real('latency_max_ms').notNull(),
  /** Requests per latency bucket, bounds in LATENCY_BUCKET_BOUNDS_MS (last slot: above them). */
  latencyBuckets: integer('latency_buckets').array().notNull(),
};

type RollupTable = { [K in keyof typeof rollupColumns]: AnyPgColumn };

/** One row per bucket and grouping, nulls included: what the writer's upserts conflict on. */
const rollupKey = (name: string) => (table: RollupTable) => [
  unique(name)
    .on(
      table.tenantId,
      table.bucket,
      table.appId,
      table.keyId,
      table.userId,
      table.method,
      table.route,
      table.statusClass,
    )
    .nullsNotDistinct(),
];

/**
 * Per-minute request counts and latency distributions per tenant, app, key, user, route and
 * status class, written by the request-log writer as it flushes. They feed live charts and
 * metering; charts over days read the hourly table instead.
 */
export const requestRollupsMinute = pgTable(
  'request_rollups_minute',
  rollupColumns,
  rollupKey('request_rollups_minute_key'),
);

/** The same rollup per UTC day: what the overview's 30- and 90-day views read. */
export const requestRollupsDay = pgTable(
  'request_rollups_day',
  rollupColumns,
  rollupKey('request_rollups_day_key'),
);

/** The same rollup per hour, kept as long as the longest overview range. */
export const requestRollupsHour = pgTable(
  'request_rollups_hour',
  rollupColumns,
  rollupKey('request_rollups_hour_key'),
);
