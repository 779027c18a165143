import { sql } from 'drizzle-orm';
import {
  boolean,
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
 * The transactional outbox: every event any module emits, written in the transaction of the change
 * that caused it. The dispatcher fans each one out to the matching webhook endpoints and runs the
 * manifests' subscribers. `app_id` has no foreign key on purpose: `app.deleted` outlives its app.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    appId: uuid('app_id'),
    /** Only this endpoint receives it (the "Send test event" button), whatever it subscribes to. */
    endpointId: uuid('endpoint_id'),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    /** Set once its webhook messages exist; null rows are the dispatcher's work. */
    dispatchedAt: timestamp('dispatched_at', tz),
    /** Some subscriber has not handled it yet (retried by the sweep). */
    subscribersPending: boolean('subscribers_pending').notNull().default(false),
  },
  (table) => [
    index('events_undispatched_idx').on(table.id).where(sql`dispatched_at IS NULL`),
    index('events_subscribers_pending_idx').on(table.id).where(sql`subscribers_pending`),
    index('events_tenant_created_idx').on(table.tenantId, table.createdAt),
  ],
);

/** Which subscriber (by its stable name) has handled which event: each runs once per event. */
export const eventHandlings = pgTable(
  'event_handlings',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    subscriber: text('subscriber').notNull(),
    handledAt: timestamp('handled_at', tz).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.eventId, table.subscriber] })],
);

/**
 * A URL of one app that receives its events, signed per Standard Webhooks. The signing secret is
 * sealed (AES-256-GCM, key from the installation secret); after a rotation the previous one keeps
 * signing alongside until `previous_secret_expires_at`.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Empty: every event type. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    rateLimitPerSecond: integer('rate_limit_per_second'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', tz),
    disabledReason: text('disabled_reason'),
    disabledAt: timestamp('disabled_at', tz),
    /** Start of the current run of failures; cleared by a success. Five days of it disables. */
    failingSince: timestamp('failing_since', tz),
    /** The rate limit's current one-second window and the attempts made in it. */
    rateWindow: timestamp('rate_window', tz),
    rateCount: integer('rate_count').notNull().default(0),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (table) => [index('webhook_endpoints_tenant_app_idx').on(table.tenantId, table.appId)],
);

/** One event for one endpoint: its `webhook-id`, stable across attempts. */
export const webhookMessages = pgTable(
  'webhook_messages',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** `pending` (an attempt is due), `succeeded` (once, ever) or `failed` (gave up). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', tz),
    succeededAt: timestamp('succeeded_at', tz),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('webhook_messages_endpoint_event_idx').on(table.endpointId, table.eventId),
    // An event's messages: what retention and the event's cascade look up.
    index('webhook_messages_event_idx').on(table.eventId),
    index('webhook_messages_tenant_endpoint_idx').on(table.tenantId, table.endpointId, table.createdAt),
  ],
);

/** One HTTP request to an endpoint, with what it sent and (truncated) what came back. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => webhookMessages.id, { onDelete: 'cascade' }),
    endpointId: uuid('endpoint_id').notNull(),
    appId: uuid('app_id').notNull(),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    /** `success` (2xx) or `failed`. */
    outcome: text('outcome').notNull(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    requestPayload: text('request_payload').notNull(),
    responseBody: text('response_body'),
    error: text('error'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    index('webhook_attempts_tenant_created_idx').on(table.tenantId, table.createdAt, table.id),
    index('webhook_attempts_endpoint_created_idx').on(table.tenantId, table.endpointId, table.createdAt),
    // A message's attempts: what its cascade (retention, endpoint deletion) looks up.
    index('webhook_attempts_message_idx').on(table.messageId),
  ],
);
