import { z } from '@hono/zod-openapi';

/**
 * Upper bounds (ms) of the latency buckets in the request rollups; a rollup's `latency_buckets`
 * has one more slot for slower requests. Percentiles over any range merge these counts, so the
 * bounds never change once data exists (add a migration that rewrites the rollups if they must).
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000,
] as const;

export const LOGS_PERMISSIONS = {
  logsRead: 'logs:read',
} as const;

export const LOGS_PAGE_LIMIT_MAX = 200;
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
export const LOG_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const LOG_ID_EXAMPLE = 'req_01jf8z9a2b3c4d5e6f7g8h9j0k';
const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });

export const RequestLogSchema = z
  .object({
    id: z.string().openapi({ example: LOG_ID_EXAMPLE }),
    createdAt: timestamp,
    requestId: z.string().openapi({ example: 'b1946ac92492d234' }),
    surface: z.enum(['partner', 'public']).openapi({
      description: '`public`: the Public API (`/v1/*`); `partner`: the Partner API.',
      example: 'public',
    }),
    method: z.string().openapi({ example: 'GET' }),
    path: z.string().openapi({ example: '/v1/me' }),
    route: z.string().nullable().openapi({ description: 'The operation’s path pattern.', example: '/v1/me' }),
    status: z.number().int().openapi({ example: 200 }),
    latencyMs: z.number().openapi({ example: 3.2 }),
    ip: z.string().nullable().openapi({ example: '203.0.113.7' }),
    userAgent: z.string().nullable().openapi({ example: 'acme-backend/2.3 (+node)' }),
    appId: z.string().nullable().openapi({ example: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x' }),
    keyId: z.string().nullable().openapi({ example: 'key_01jf8z9a2b3c4d5e6f7g8h9j0k' }),
    userId: z.string().nullable().openapi({ description: 'A dashboard user’s request.', example: null }),
  })
  .openapi('RequestLog', { description: 'One API request, as the list shows it.' });

const headers = z.record(z.string(), z.string()).nullable();

export const RequestLogDetailSchema = RequestLogSchema.extend({
  requestHeaders: headers.openapi({
    description: 'Redacted: credentials and configured fields read `[REDACTED]`.',
    example: { 'user-agent': 'acme-backend/2.3', authorization: '[REDACTED]' },
  }),
  responseHeaders: headers.openapi({ example: { 'content-type': 'application/json' } }),
  requestBody: z.string().nullable().openapi({
    description: 'Truncated and redacted.',
    example: '{"label":"server 1","password":"[REDACTED]"}',
  }),
  responseBody: z.string().nullable().openapi({ example: '{"id":"key_01jf8z9a2b3c4d5e6f7g8h9j0k"}' }),
}).openapi('RequestLogDetail', { description: 'One API request with its headers and bodies.' });

export const RequestLogListSchema = z
  .object({
    data: z.array(RequestLogSchema).openapi({ description: 'Newest first.' }),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
      example: 'djE6MTczNjkzMzQwMDAwMDowMWpm',
    }),
  })
  .openapi('RequestLogList');

/** The filters shared by the list and the export; the Logs page keeps the same names in its URL. */
const filterFields = {
  q: z.string().trim().min(1).max(200).optional().openapi({
    description: 'Part of the path, an IP address, or a key (`key_…` id or the start of its secret).',
    example: '/v1/me',
  }),
  statusClass: z
    .string()
    .trim()
    .regex(/^[2-5]xx(,[2-5]xx)*$/, 'Comma-separated status classes: 2xx, 3xx, 4xx, 5xx.')
    .optional()
    .openapi({ description: 'Comma-separated status classes.', example: '4xx,5xx' }),
  method: z.enum(LOG_METHODS).optional().openapi({ example: 'GET' }),
  appId: z.string().trim().min(1).max(100).optional().openapi({ example: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x' }),
  keyId: z.string().trim().min(1).max(100).optional().openapi({ example: 'key_01jf8z9a2b3c4d5e6f7g8h9j0k' }),
  route: z.string().trim().min(1).max(300).optional().openapi({
    description: 'An operation’s path pattern, exactly.',
    example: '/partner/apps/{appId}',
  }),
  from: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Requests at or after this time (ISO 8601).',
    example: '2025-01-01T00:00:00Z',
  }),
  to: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Requests before this time (ISO 8601).',
    example: '2025-02-01T00:00:00Z',
  }),
};

export type LogFilterQuery = { [K in keyof typeof filterFields]?: string | undefined };

const timeRangeInOrder = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
const timeRangeMessage = { path: ['to'], message: '`to` must be later than `from`.' };

export const RequestLogQuerySchema = z
  .object({
    ...filterFields,
    cursor: z.string().min(1).max(200).optional().openapi({
      description: 'The `nextCursor` of the previous page.',
      example: 'djE6MTczNjkzMzQwMDAwMDowMWpm',
    }),
    limit: z.coerce.number().int().min(1).max(LOGS_PAGE_LIMIT_MAX).default(50).openapi({ example: 50 }),
  })
  .refine(timeRangeInOrder, timeRangeMessage);

export const RequestLogExportQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(['csv', 'json', 'pdf']).default('csv').openapi({
      description: '`csv` (a header and one row per request), `json` (an array) or `pdf` (a table).',
      example: 'csv',
    }),
  })
  .refine(timeRangeInOrder, timeRangeMessage);

export const RequestLogIdParamsSchema = z.object({
  logId: z.string().openapi({ param: { name: 'logId', in: 'path' }, example: LOG_ID_EXAMPLE }),
});
