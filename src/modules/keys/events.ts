import { z } from 'zod';
import { defineEvent } from '../../kernel/events.js';

const keyData = z.object({
  id: z.string().describe('The key’s id (`key_…`).'),
  appId: z.string(),
  label: z.string(),
  prefix: z.string().describe('The start of the secret; the secret itself is never sent.'),
  environment: z.enum(['sandbox', 'production']),
  scopes: z.array(z.string()),
});

const example = {
  id: 'key_01jf8z9a2b3c4d5e6f7g8h9j0k',
  appId: 'app_01jf8z7k2n3p4q5r6s7t8v9w0x',
  label: 'Issuing backend, server 1',
  prefix: 'atr_test_AbCd',
  environment: 'sandbox' as const,
  scopes: ['apps:read'],
};

export const apiKeyCreatedEvent = defineEvent({
  type: 'api_key.created',
  description: 'An API key was created for an app.',
  schema: keyData,
  example,
});

export const apiKeyRotatedEvent = defineEvent({
  type: 'api_key.rotated',
  description:
    'An API key was rotated: `id` is the new key, `replaces` the old one, which works until `graceUntil`.',
  schema: keyData.extend({ replaces: z.string(), graceUntil: z.string().nullable() }),
  example: { ...example, replaces: 'key_01jf8z8a2b3c4d5e6f7g8h9j0k', graceUntil: '2025-01-16T09:30:00.000Z' },
});

export const apiKeyRevokedEvent = defineEvent({
  type: 'api_key.revoked',
  description: 'An API key was revoked; requests with it are refused from now on.',
  schema: keyData,
  example,
});

export const keysEvents = [apiKeyCreatedEvent, apiKeyRotatedEvent, apiKeyRevokedEvent];
