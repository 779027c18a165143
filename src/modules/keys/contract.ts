import { z } from '@hono/zod-openapi';

export const KEYS_PERMISSIONS = {
  keysRead: 'keys:read',
  keysWrite: 'keys:write',
} as const;

export const KEY_ID_EXAMPLE = 'key_01jf8z9a2b3c4d5e6f7g8h9j0k';
const APP_ID_EXAMPLE = 'app_01jf8z7k2n3p4q5r6s7t8v9w0x';
const SECRET_EXAMPLE = 'atr_test_AbCdEfGhJkMnPqRsTuVwXyZ0123456789abcdefghij1a2B3c';
export const MAX_GRACE_DAYS = 7;

const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: KEY_ID_EXAMPLE }),
    appId: z.string().openapi({ example: APP_ID_EXAMPLE }),
    environment: z.enum(['sandbox', 'production']).openapi({
      description: 'The app’s environment when the key was made: `atr_live_` keys are production keys.',
      example: 'sandbox',
    }),
    label: z.string().openapi({ example: 'Issuing backend, server 1' }),
    prefix: z.string().openapi({
      description: 'The start of the secret, to tell keys apart; the secret itself is never shown again.',
      example: 'atr_test_AbCd',
    }),
    scopes: z.array(z.string()).openapi({ example: ['apps:read'] }),
    status: z.enum(['active', 'grace', 'expired', 'revoked']).openapi({
      description:
        '`grace`: rotated out, still accepted until `graceUntil`. `expired`: past `expiresAt` or its grace period. `revoked`: refused.',
      example: 'active',
    }),
    expiresAt: timestamp.nullable(),
    rateLimitPerMinute: z.number().int().nullable().openapi({ example: 600 }),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable().openapi({ description: 'Written in batches, about every 10 seconds.' }),
    lastUsedIp: z.string().nullable().openapi({ example: '203.0.113.7' }),
    revokedAt: timestamp.nullable(),
    graceUntil: timestamp.nullable(),
    replacedBy: z
      .string()
      .nullable()
      .openapi({ description: 'The key that replaced this one.', example: null }),
  })
  .openapi('ApiKey', { description: 'An API key of an app, without its secret.' });

export const ApiKeyWithSecretSchema = ApiKeySchema.extend({
  secret: z.string().openapi({
    description: 'The full key. Shown this once: only its SHA-256 is stored.',
    example: SECRET_EXAMPLE,
  }),
}).openapi('ApiKeyWithSecret');

export const ApiKeyListSchema = z.object({ data: z.array(ApiKeySchema) }).openapi('ApiKeyList', {
  description: 'API keys, newest first.',
});

export const ApiKeyListQuerySchema = z.object({
  appId: z.string().optional().openapi({ description: 'Only this app’s keys.', example: APP_ID_EXAMPLE }),
});

export const CreateApiKeyRequestSchema = z
  .object({
    appId: z.string().openapi({ example: APP_ID_EXAMPLE }),
    label: z.string().trim().min(1).max(100).openapi({ example: 'Issuing backend, server 1' }),
    scopes: z
      .array(z.string().max(100))
      .min(1)
      .max(100)
      .openapi({
        description: 'Tenant permissions the key gets; each must be one the caller holds.',
        example: ['apps:read'],
      }),
    expiresAt: z.iso.datetime().optional().openapi({ example: '2026-01-15T00:00:00.000Z' }),
    rateLimitPerMinute: z.number().int().min(1).max(10_000_000).optional().openapi({ example: 600 }),
  })
  .openapi('CreateApiKeyRequest', {
    example: { appId: APP_ID_EXAMPLE, label: 'Issuing backend, server 1', scopes: ['apps:read'] },
  });

export const RotateApiKeyRequestSchema = z
  .object({
    graceDays: z
      .number()
      .int()
      .min(0)
      .max(MAX_GRACE_DAYS)
      .openapi({
        description: `Days the old key keeps working (0 to ${MAX_GRACE_DAYS}); 0 revokes it now.`,
        example: 1,
      }),
  })
  .openapi('RotateApiKeyRequest', { example: { graceDays: 1 } });

export const ApiKeyIdParamsSchema = z.object({
  keyId: z.string().openapi({ param: { name: 'keyId', in: 'path' }, example: KEY_ID_EXAMPLE }),
});

const TENANT_ID_EXAMPLE = 'ten_01jf8z5m2n3p4q5r6s7t8v9w0x';

export const RateLimitWindowSchema = z
  .object({
    scope: z.enum(['key', 'plan']).openapi({
      description:
        'Whose limit is the tighter one now: the key’s own `rateLimitPerMinute`, or the tenant’s plan (shared by all its keys).',
      example: 'key',
    }),
    limit: z.number().int().openapi({ description: 'Requests allowed in the window.', example: 600 }),
    remaining: z.number().int().openapi({ description: 'Requests left, this one counted.', example: 599 }),
    resetSeconds: z.number().int().openapi({ description: 'Seconds until the window resets.', example: 42 }),
    windowSeconds: z.number().int().openapi({ example: 60 }),
  })
  .openapi('RateLimitWindow', {
    description: 'The rate-limit window this request counted against, as in the `RateLimit-*` headers.',
  });

export const KeyIntrospectionSchema = z
  .object({
    id: z.string().openapi({ example: KEY_ID_EXAMPLE }),
    label: z.string().openapi({ example: 'Issuing backend, server 1' }),
    prefix: z.string().openapi({ example: 'atr_test_AbCd' }),
    environment: z.enum(['sandbox', 'production']).openapi({ example: 'sandbox' }),
    scopes: z.array(z.string()).openapi({ example: ['apps:read'] }),
    status: z.enum(['active', 'grace']).openapi({
      description: '`grace`: the key was rotated and stops working at `graceUntil`.',
      example: 'active',
    }),
    expiresAt: timestamp.nullable(),
    graceUntil: timestamp.nullable(),
    app: z.object({
      id: z.string().openapi({ example: APP_ID_EXAMPLE }),
      name: z.string().openapi({ example: 'Issuing backend' }),
    }),
    tenant: z.object({
      id: z.string().openapi({ example: TENANT_ID_EXAMPLE }),
      name: z.string().openapi({ example: 'Acme Payments' }),
    }),
    rateLimit: RateLimitWindowSchema,
  })
  .openapi('KeyIntrospection', {
    description: 'The API key this request was made with: what it is, what it may do, how much is left.',
    example: {
      id: KEY_ID_EXAMPLE,
      label: 'Issuing backend, server 1',
      prefix: 'atr_test_AbCd',
      environment: 'sandbox',
      scopes: ['apps:read'],
      status: 'active',
      expiresAt: null,
      graceUntil: null,
      app: { id: APP_ID_EXAMPLE, name: 'Issuing backend' },
      tenant: { id: TENANT_ID_EXAMPLE, name: 'Acme Payments' },
      rateLimit: { scope: 'key', limit: 600, remaining: 599, resetSeconds: 42, windowSeconds: 60 },
    },
  });
