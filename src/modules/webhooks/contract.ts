import { z } from '@hono/zod-openapi';

export const WEBHOOKS_PERMISSIONS = {
  read: 'webhooks:read',
  write: 'webhooks:write',
  revealSecret: 'webhooks:reveal',
} as const;

export const WEBHOOK_LOGS_LIMIT_MAX = 200;
export const MAX_CUSTOM_HEADERS = 20;
/** How far back replay and stats reach. */
export const WEBHOOK_HISTORY_DAYS = 30;

export const ENDPOINT_ID_EXAMPLE = 'ep_01jf8zb2c3d4e5f6g7h8j9k0m1';
export const DELIVERY_ID_EXAMPLE = 'msg_01jf8zc2c3d4e5f6g7h8j9k0m1';
const EVENT_ID_EXAMPLE = 'evt_01jf8zd2c3d4e5f6g7h8j9k0m1';
const ATTEMPT_ID_EXAMPLE = 'atm_01jf8ze2c3d4e5f6g7h8j9k0m1';
const APP_ID_EXAMPLE = 'app_01jf8z7k2n3p4q5r6s7t8v9w0x';
const SECRET_EXAMPLE = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const URL_EXAMPLE = 'https://hooks.acme.example/atrium';

const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });

export const EventTypeSchema = z
  .object({
    type: z.string().openapi({ example: 'api_key.created' }),
    module: z.string().openapi({ description: 'The module that emits it.', example: 'keys' }),
    description: z.string().openapi({ example: 'An API key was created for an app.' }),
    schema: z.record(z.string(), z.unknown()).openapi({
      description: 'JSON Schema (draft 2020-12) of the event’s `data`.',
      example: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    }),
    example: z.unknown().openapi({ description: 'An example `data`.', example: { id: 'key_01jf…' } }),
  })
  .openapi('WebhookEventType', { description: 'One event type of the catalogue.' });

export const EventTypeListSchema = z
  .object({ data: z.array(EventTypeSchema) })
  .openapi('WebhookEventTypeList', { description: 'Every event type Atrium emits, by type.' });

const url = z.string().trim().min(1).max(2000).openapi({
  description:
    'Where deliveries are POSTed. `https://` for a production app. Hosts that resolve to loopback, private, link-local or other internal addresses are refused unless the operator allows them.',
  example: URL_EXAMPLE,
});
const description = z.string().trim().max(500).openapi({ example: 'Card events for the issuing backend' });
const eventTypes = z
  .array(z.string().max(100))
  .max(100)
  .openapi({ description: 'Event types it receives; empty: all of them.', example: ['api_key.created'] });
const headers = z.record(z.string().max(100), z.string().max(1000)).openapi({
  description: 'Extra HTTP headers sent with every delivery.',
  example: { 'x-acme-team': 'cards' },
});
const rateLimitPerSecond = z.number().int().min(1).max(10_000).nullable().openapi({
  description: 'Deliveries per second at most; later ones wait. Null: no limit.',
  example: 10,
});

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: ENDPOINT_ID_EXAMPLE }),
    appId: z.string().openapi({ example: APP_ID_EXAMPLE }),
    url: z.string().openapi({ example: URL_EXAMPLE }),
    description: z.string().openapi({ example: 'Card events for the issuing backend' }),
    eventTypes: z.array(z.string()).openapi({ example: ['api_key.created'] }),
    enabled: z.boolean().openapi({ example: true }),
    headers: z.record(z.string(), z.string()).openapi({ example: { 'x-acme-team': 'cards' } }),
    rateLimitPerSecond: z.number().int().nullable().openapi({ example: 10 }),
    disabledReason: z.string().nullable().openapi({
      description:
        'Why Atrium disabled it (after five days of failures); null when enabled or disabled by a person.',
      example: null,
    }),
    failingSince: timestamp
      .nullable()
      .openapi({ description: 'Start of the current run of failed attempts.' }),
    previousSecretExpiresAt: timestamp.nullable().openapi({
      description: 'After a rotation, deliveries carry signatures of both secrets until then.',
    }),
    successRate7d: z.number().nullable().openapi({
      description: 'Share of successful attempts in the last 7 days, 0–100; null without attempts.',
      example: 98.5,
    }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .openapi('WebhookEndpoint', { description: 'A webhook endpoint, without its secret.' });

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: 'The signing secret (`whsec_…`). Shown here once; later only through the reveal operation.',
    example: SECRET_EXAMPLE,
  }),
}).openapi('WebhookEndpointWithSecret');

export const WebhookEndpointListSchema = z
  .object({ data: z.array(WebhookEndpointSchema) })
  .openapi('WebhookEndpointList', { description: 'Endpoints, newest first.' });

export const WebhookEndpointListQuerySchema = z.object({
  appId: z
    .string()
    .optional()
    .openapi({ description: 'Only this app’s endpoints.', example: APP_ID_EXAMPLE }),
});

export const CreateWebhookEndpointRequestSchema = z
  .object({
    appId: z.string().openapi({ example: APP_ID_EXAMPLE }),
    url,
    description: description.default(''),
    eventTypes: eventTypes.default([]),
    enabled: z.boolean().default(true).openapi({ example: true }),
    headers: headers.default({}),
    rateLimitPerSecond: rateLimitPerSecond.optional(),
  })
  .openapi('CreateWebhookEndpointRequest', {
    example: { appId: APP_ID_EXAMPLE, url: URL_EXAMPLE, eventTypes: ['api_key.created'] },
  });

export const UpdateWebhookEndpointRequestSchema = z
  .object({
    url: url.optional(),
    description: description.optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional().openapi({
      description: 'Enabling a disabled endpoint clears its failure state.',
      example: true,
    }),
    headers: headers.optional(),
    rateLimitPerSecond: rateLimitPerSecond.optional(),
  })
  .openapi('UpdateWebhookEndpointRequest', { example: { enabled: true } });

export const WebhookEndpointIdParamsSchema = z.object({
  endpointId: z.string().openapi({ param: { name: 'endpointId', in: 'path' }, example: ENDPOINT_ID_EXAMPLE }),
});

export const WebhookEndpointSecretSchema = z
  .object({
    secret: z.string().openapi({ example: SECRET_EXAMPLE }),
    previousSecret: z.string().nullable().openapi({
      description: 'The secret before the last rotation, while it still signs.',
      example: null,
    }),
    previousSecretExpiresAt: timestamp.nullable(),
  })
  .openapi('WebhookEndpointSecret', { description: 'An endpoint’s signing secrets.' });

export const WebhookAttemptSchema = z
  .object({
    id: z.string().openapi({ example: ATTEMPT_ID_EXAMPLE }),
    deliveryId: z.string().openapi({
      description: 'The message (one event for one endpoint), also its `webhook-id` header.',
      example: DELIVERY_ID_EXAMPLE,
    }),
    endpointId: z.string().openapi({ example: ENDPOINT_ID_EXAMPLE }),
    appId: z.string().openapi({ example: APP_ID_EXAMPLE }),
    eventId: z.string().openapi({ example: EVENT_ID_EXAMPLE }),
    eventType: z.string().openapi({ example: 'api_key.created' }),
    attempt: z.number().int().openapi({ description: '1 for the first try.', example: 1 }),
    status: z.enum(['success', 'failed']).openapi({ example: 'success' }),
    statusCode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Null when no answer came.', example: 200 }),
    latencyMs: z.number().int().openapi({ example: 87 }),
    requestPayload: z.string().openapi({ example: '{"type":"api_key.created","timestamp":"…","data":{}}' }),
    responseBody: z.string().nullable().openapi({ description: 'Truncated to 4 KiB.', example: 'ok' }),
    error: z.string().nullable().openapi({ example: null }),
    createdAt: timestamp,
  })
  .openapi('WebhookAttempt', { description: 'One delivery attempt.' });

export const WebhookAttemptListSchema = z
  .object({
    data: z.array(WebhookAttemptSchema).openapi({ description: 'Newest first.' }),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
      example: null,
    }),
  })
  .openapi('WebhookAttemptList');

const range = {
  from: z.iso.datetime({ offset: true }).optional().openapi({ example: '2025-01-01T00:00:00Z' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ example: '2025-02-01T00:00:00Z' }),
};

const attemptFilters = {
  eventType: z.string().max(100).optional().openapi({ example: 'api_key.created' }),
  status: z.enum(['success', 'failed']).optional().openapi({ example: 'failed' }),
  ...range,
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(WEBHOOK_LOGS_LIMIT_MAX).default(50).openapi({ example: 50 }),
};

const rangeInOrder = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
const rangeMessage = { path: ['to'], message: '`to` must be later than `from`.' };

export const WebhookLogQuerySchema = z
  .object({
    appId: z.string().max(100).optional().openapi({ example: APP_ID_EXAMPLE }),
    endpointId: z.string().max(100).optional().openapi({ example: ENDPOINT_ID_EXAMPLE }),
    ...attemptFilters,
  })
  .refine(rangeInOrder, rangeMessage);

export const EndpointLogQuerySchema = z.object(attemptFilters).refine(rangeInOrder, rangeMessage);

export const WebhookStatsQuerySchema = z.object({
  days: z.coerce.number().int().min(7).max(WEBHOOK_HISTORY_DAYS).default(7).openapi({
    description: 'How many days back, 7 to 30.',
    example: 7,
  }),
});

export const WebhookStatsSchema = z
  .object({
    days: z.number().int().openapi({ example: 7 }),
    successes: z.number().int().openapi({ example: 412 }),
    failures: z.number().int().openapi({ example: 3 }),
    successRate: z
      .number()
      .nullable()
      .openapi({ description: '0–100; null without attempts.', example: 99.3 }),
    heatmap: z
      .array(
        z.object({
          dayOfWeek: z.number().int().openapi({ description: '0 Sunday … 6 Saturday (UTC).', example: 1 }),
          hour: z.number().int().openapi({ description: '0–23 (UTC).', example: 14 }),
          successes: z.number().int().openapi({ example: 12 }),
          failures: z.number().int().openapi({ example: 0 }),
        }),
      )
      .openapi({ description: 'Only the cells with attempts.' }),
  })
  .openapi('WebhookStats', {
    description: 'An endpoint’s attempts by outcome, hour of day and day of week.',
  });

export const WebhookDeliveryIdParamsSchema = z.object({
  deliveryId: z.string().openapi({ param: { name: 'deliveryId', in: 'path' }, example: DELIVERY_ID_EXAMPLE }),
});

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ example: DELIVERY_ID_EXAMPLE }),
    endpointId: z.string().openapi({ example: ENDPOINT_ID_EXAMPLE }),
    eventId: z.string().openapi({ example: EVENT_ID_EXAMPLE }),
    status: z.enum(['pending', 'succeeded', 'failed']).openapi({ example: 'pending' }),
    attempts: z.number().int().openapi({ example: 3 }),
    nextAttemptAt: timestamp.nullable(),
  })
  .openapi('WebhookDelivery', { description: 'One event for one endpoint and where its delivery stands.' });

export const ReplayRequestSchema = z
  .object({
    since: z.iso.datetime({ offset: true }).openapi({
      description: `Failed deliveries created at or after this time (at most ${WEBHOOK_HISTORY_DAYS} days ago) are sent again.`,
      example: '2025-01-15T09:00:00Z',
    }),
  })
  .openapi('WebhookReplayRequest', { example: { since: '2025-01-15T09:00:00Z' } });

export const ReplayResultSchema = z
  .object({ count: z.number().int().openapi({ description: 'Deliveries queued again.', example: 4 }) })
  .openapi('WebhookReplayResult');

export const SendTestEventRequestSchema = z
  .object({
    endpointId: z.string().openapi({ example: ENDPOINT_ID_EXAMPLE }),
    eventType: z.string().max(100).optional().openapi({
      description: 'Shown in the test event’s data; `webhook.test` is what is sent.',
      example: 'api_key.created',
    }),
  })
  .openapi('SendWebhookTestRequest', { example: { endpointId: ENDPOINT_ID_EXAMPLE } });

export const SendTestEventResultSchema = z
  .object({ eventId: z.string().openapi({ example: EVENT_ID_EXAMPLE }) })
  .openapi('SendWebhookTestResult');
