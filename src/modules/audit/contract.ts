import { z } from '@hono/zod-openapi';

export const AUDIT_PERMISSIONS = {
  read: 'audit:read',
} as const;

/** Largest page `GET /partner/audit/events` returns. */
export const AUDIT_PAGE_LIMIT_MAX = 200;

export const CHAIN_BREAK_REASONS = ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap'] as const;

const EXAMPLE_EVENT_ID = 'aud_01jf8z6x3m4r5t6v7w8x9y0z1a';

const AuditActorSchema = z
  .object({
    type: z.enum(['user', 'api_key', 'system']).openapi({ example: 'user' }),
    id: z.string().nullable().openapi({
      description: 'A user’s `usr_…` id, a key’s id; null for Atrium itself.',
      example: 'usr_01jf8z6x3m4r5t6v7w8x9y0z1b',
    }),
    label: z
      .string()
      .openapi({ description: 'An email address or a key’s name.', example: 'ada@acme.example' }),
  })
  .openapi('AuditActor');

const AuditTargetSchema = z
  .object({
    type: z.string().openapi({ example: 'member' }),
    id: z.string().nullable().openapi({ example: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1c' }),
    label: z.string().nullable().openapi({ example: 'grace@acme.example' }),
  })
  .openapi('AuditTarget');

const jsonObject = z.record(z.string(), z.unknown());

export const AuditEventSchema = z
  .object({
    id: z.string().openapi({ example: EXAMPLE_EVENT_ID }),
    seq: z.number().int().openapi({ description: 'Position in the tenant’s chain, from 1.', example: 2 }),
    occurredAt: z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' }),
    actor: AuditActorSchema,
    action: z.string().openapi({ description: '`resource.verb`.', example: 'member.role_changed' }),
    target: AuditTargetSchema,
    ip: z.string().nullable().openapi({ example: '203.0.113.7' }),
    userAgent: z.string().nullable().openapi({ example: 'Mozilla/5.0' }),
    requestId: z.string().nullable().openapi({ example: 'req_3f9a1c2b7d4e5f60_12' }),
    before: jsonObject
      .nullable()
      .openapi({ description: 'State before the change.', example: { role: 'viewer' } }),
    after: jsonObject
      .nullable()
      .openapi({ description: 'State after the change.', example: { role: 'admin' } }),
    metadata: jsonObject.openapi({ example: {} }),
    prevHash: z.string().openapi({
      description: 'The previous event’s hash (64 zeros for the first event).',
      example: '5f3c0b9d8e4a7f2c1b6d9e0a3f8c2b7d4e1a6f9c0b3d8e5a2f7c4b1d6e9a0f3c',
    }),
    hash: z.string().openapi({
      description: 'SHA-256 over this event’s fields and `prevHash`, hex.',
      example: '9c2e7a1f4b8d3c6e0a5f2b9d7c4e1a8f6b3d0c9e2a7f5b4d1c8e6a3f0b9d2c7e',
    }),
  })
  .openapi('AuditEvent');

export const AuditEventListSchema = z
  .object({
    data: z.array(AuditEventSchema).openapi({ description: 'Newest first.' }),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
      example: 'djE6MTI',
    }),
  })
  .openapi('AuditEventList');

/** The filters shared by the list and the export. */
const filterFields = {
  actor: z.string().trim().min(1).max(200).optional().openapi({
    description: 'Part of the actor’s label (e.g. an email address) or id; a `usr_…` id matches exactly.',
    example: 'ada@',
  }),
  action: z.string().trim().min(1).max(500).optional().openapi({
    description:
      'Comma-separated actions: an exact action (`member.added`), or a prefix ending in `.` (`member.`) or `.*`.',
    example: 'member.,invitation.',
  }),
  targetType: z.string().trim().min(1).max(100).optional().openapi({ example: 'member' }),
  targetId: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ example: 'mem_01jf8z6x3m4r5t6v7w8x9y0z1c' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Events at or after this time (ISO 8601).',
    example: '2025-01-01T00:00:00Z',
  }),
  to: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Events before this time (ISO 8601).',
    example: '2025-02-01T00:00:00Z',
  }),
  q: z.string().trim().min(1).max(200).optional().openapi({
    description: 'Free text found in the action, actor, target, address, request id or before/after data.',
    example: 'admin',
  }),
};

const timeRangeInOrder = (query: { from?: string | undefined; to?: string | undefined }) =>
  !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
const timeRangeMessage = { path: ['to'], message: '`to` must be later than `from`.' };

export const AuditEventQuerySchema = z
  .object({
    ...filterFields,
    cursor: z.string().min(1).max(100).optional().openapi({
      description: 'The `nextCursor` of the previous page.',
      example: 'djE6MTI',
    }),
    limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_LIMIT_MAX).default(50).openapi({ example: 50 }),
  })
  .refine(timeRangeInOrder, timeRangeMessage);

export const AuditExportQuerySchema = z
  .object({
    ...filterFields,
    format: z.enum(['csv', 'json']).default('csv').openapi({
      description: '`csv` (one row per event, with a header) or `json` (an array of events).',
      example: 'csv',
    }),
  })
  .refine(timeRangeInOrder, timeRangeMessage);

export const AuditEventIdParamsSchema = z.object({
  eventId: z.string().openapi({ param: { name: 'eventId', in: 'path' }, example: EXAMPLE_EVENT_ID }),
});

export const AuditChainReportSchema = z
  .object({
    ok: z.boolean().openapi({ description: 'True when every link of the chain holds.', example: true }),
    events: z.number().int().openapi({
      description: 'Events checked and found intact; on a break, those before it.',
      example: 42,
    }),
    brokenAt: z
      .object({
        id: z.string().openapi({ example: EXAMPLE_EVENT_ID }),
        seq: z.number().int().openapi({ example: 43 }),
        reason: z.enum(CHAIN_BREAK_REASONS).openapi({
          description:
            '`hash_mismatch`: the event was changed after it was written. `prev_hash_mismatch`: it does not link to the event before it. `sequence_gap`: events before it are missing.',
          example: 'hash_mismatch',
        }),
      })
      .optional()
      .openapi({ description: 'The first broken link; absent when the chain is intact.' }),
  })
  .openapi('AuditChainReport');
