import { z } from '@hono/zod-openapi';

export const USAGE_PERMISSIONS = {
  usageRead: 'usage:read',
} as const;

/** The overview's time ranges: the last 24 hours or 7 days in hours, 30 or 90 days in days. */
export const USAGE_RANGES = ['24h', '7d', '30d', '90d'] as const;
export type UsageRange = (typeof USAGE_RANGES)[number];

/** An hour whose share of 5xx answers reaches this fraction counts as down for uptime. */
export const UPTIME_ERROR_THRESHOLD = 0.05;

const KEY_ID_EXAMPLE = 'key_01jf8z9a2b3c4d5e6f7g8h9j0k';
const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:00:00.000Z' });

export const UsageRangeQuerySchema = z.object({
  range: z.enum(USAGE_RANGES).default('24h').openapi({
    description:
      'The period: `24h` and `7d` are charted per hour, `30d` and `90d` per UTC day. Each ends with the current hour (or day).',
    example: '7d',
  }),
});

export const UsageKeyParamsSchema = z.object({
  keyId: z.string().openapi({
    param: { name: 'keyId', in: 'path' },
    description: 'The API key’s id.',
    example: KEY_ID_EXAMPLE,
  }),
});

const WindowFields = {
  range: z.enum(USAGE_RANGES).openapi({ example: '7d' }),
  from: timestamp.openapi({ description: 'Start of the period (inclusive).' }),
  to: timestamp.openapi({
    description: 'End of the period (exclusive): the end of the current hour or day.',
    example: '2025-01-22T10:00:00.000Z',
  }),
  granularity: z
    .enum(['hour', 'day'])
    .openapi({ description: 'Width of one series point.', example: 'hour' }),
};

export const UsagePointSchema = z
  .object({
    bucket: timestamp.openapi({ description: 'Start of the hour or UTC day.' }),
    calls: z.number().int().openapi({ example: 1250 }),
    errors: z.number().int().openapi({ description: 'Answers with a 5xx status.', example: 3 }),
    clientErrors: z.number().int().openapi({ description: 'Answers with a 4xx status.', example: 41 }),
  })
  .openapi('UsagePoint', { description: 'Calls in one hour or day of the period.' });

const rate = z.number().openapi({ description: 'A fraction from 0 to 1.', example: 0.0024 });
const latency = z.number().nullable().openapi({
  description: 'Milliseconds, estimated from latency buckets; null without calls.',
  example: 87.5,
});

export const UsageEndpointSchema = z
  .object({
    method: z.string().openapi({ example: 'GET' }),
    route: z.string().openapi({ description: 'The route pattern.', example: '/partner/apps/{appId}' }),
    calls: z.number().int().openapi({ example: 830 }),
    errors: z.number().int().openapi({ description: '5xx answers.', example: 2 }),
    clientErrors: z.number().int().openapi({ description: '4xx answers.', example: 17 }),
    errorRate: rate.openapi({ description: 'Share of 5xx answers.' }),
    p95LatencyMs: latency,
  })
  .openapi('UsageEndpoint', { description: 'One route’s traffic in the period.' });

const trend = <T extends z.ZodType>(value: T) => z.object({ value, previous: value });

export const UsageStatsSchema = z
  .object({
    calls: trend(z.number().int()).openapi({ example: { value: 1250, previous: 980 } }),
    errors: trend(z.number().int()).openapi({
      description: '5xx answers.',
      example: { value: 3, previous: 5 },
    }),
    clientErrors: trend(z.number().int()).openapi({
      description: '4xx answers, reported apart from the error rate.',
      example: { value: 41, previous: 30 },
    }),
    errorRate: trend(z.number()).openapi({
      description: 'Share of 5xx answers, from 0 to 1.',
      example: { value: 0.0024, previous: 0.0051 },
    }),
    p95LatencyMs: trend(z.number().nullable()).openapi({ example: { value: 87.5, previous: 92 } }),
    activeSeats: z
      .object({
        value: z.number().int(),
        previous: z.number().int(),
        members: z.number().int().openapi({ description: 'Signed-in people who called the API.' }),
        keys: z.number().int().openapi({ description: 'API keys that called the API.' }),
      })
      .openapi({
        description: 'Distinct members plus distinct API keys with requests in the period.',
        example: { value: 5, previous: 4, members: 2, keys: 3 },
      }),
  })
  .openapi('UsageStats', { description: 'The stat cards: each with the previous period’s value.' });

export const UsageHealthSchema = z
  .object({
    status: z.enum(['operational', 'degraded', 'down']).openapi({
      description:
        '`down`: the database is unreachable; `degraded`: the current hour’s 5xx share is over the uptime threshold.',
      example: 'operational',
    }),
    database: z.enum(['ok', 'unreachable']).openapi({ example: 'ok' }),
    uptimePercent: z.number().openapi({
      description: 'Share of the period’s elapsed hours whose 5xx share stayed under `errorThreshold`.',
      example: 100,
    }),
    errorThreshold: z.number().openapi({ example: UPTIME_ERROR_THRESHOLD }),
    successRatePercent: z.number().openapi({
      description: 'Share of calls in the period that did not answer 5xx (100 without calls).',
      example: 99.97,
    }),
    slaTargetPercent: z.number().openapi({ description: 'ATRIUM_SLA_TARGET.', example: 99.9 }),
    slaMet: z.boolean().openapi({ description: 'Whether the success rate meets the target.', example: true }),
  })
  .openapi('UsageHealth', { description: 'The API health widget.' });

export const UsageActivitySchema = z
  .object({
    id: z.string().openapi({ example: 'aud_01jf8z9a2b3c4d5e6f7g8h9j0k' }),
    occurredAt: timestamp,
    action: z.string().openapi({ example: 'api_key.created' }),
    actor: z.string().openapi({ description: 'Who did it.', example: 'ada@example.com' }),
    target: z.string().nullable().openapi({ example: 'Issuing backend' }),
  })
  .openapi('UsageActivity', { description: 'One event of the audit trail.' });

export const OverviewSchema = z
  .object({
    ...WindowFields,
    stats: UsageStatsSchema,
    series: z
      .array(UsagePointSchema)
      .openapi({ description: 'Every hour or day of the period, oldest first.' }),
    endpoints: z
      .array(UsageEndpointSchema)
      .openapi({ description: 'Up to 50 routes with the most calls, busiest first.' }),
    activity: z.array(UsageActivitySchema).openapi({
      description: 'The latest audit events; empty for callers without `audit:read`.',
    }),
    health: UsageHealthSchema,
  })
  .openapi('Overview', { description: 'The overview page: the tenant’s API traffic in a period.' });

export const KeyUsageSchema = z
  .object({
    ...WindowFields,
    keyId: z.string().openapi({ example: KEY_ID_EXAMPLE }),
    calls: z.number().int().openapi({ example: 412 }),
    errors: z.number().int().openapi({ description: '5xx answers.', example: 1 }),
    clientErrors: z.number().int().openapi({ description: '4xx answers.', example: 9 }),
    errorRate: rate,
    p95LatencyMs: latency,
    requestsToday: z.number().int().openapi({ description: 'Calls since 00:00 UTC.', example: 37 }),
    series: z.array(UsagePointSchema),
  })
  .openapi('KeyUsage', { description: 'One API key’s traffic in a period.' });

export const KeyUsageSummaryListSchema = z
  .object({
    data: z.array(
      z
        .object({
          keyId: z.string().openapi({ example: KEY_ID_EXAMPLE }),
          requestsToday: z.number().int().openapi({ description: 'Calls since 00:00 UTC.', example: 37 }),
          errorsToday: z.number().int().openapi({ description: '5xx answers since 00:00 UTC.', example: 0 }),
          errorRate: rate.openapi({ description: 'Share of 5xx answers in the period.' }),
          calls: z.number().int().openapi({ description: 'Calls in the period.', example: 412 }),
        })
        .openapi('KeyUsageSummary'),
    ),
  })
  .openapi('KeyUsageSummaryList', {
    description: 'Keys of the tenant that made calls in the period or today; keys without calls are absent.',
  });
