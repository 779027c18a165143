import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  ApiKeyIdParamsSchema,
  ApiKeyWithSecretSchema,
  KEYS_PERMISSIONS,
  RotateApiKeyRequestSchema,
} from '../contract.js';
import { rotateKey } from '../services/rotate-key.js';

export const rotateKeyRoute = defineRoute({
  route: createRoute({
    operationId: 'rotateApiKey',
    method: 'patch',
    path: '/partner/api-keys/{keyId}/rotate',
    tags: ['API keys'],
    summary: 'Rotate an API key',
    description:
      'Makes a new key with the same app, label, scopes, expiry and rate limit, and answers with its secret (shown this once). The old key keeps working for `graceDays` days; 0 revokes it now. Recorded as `api_key.rotated`.',
    request: {
      params: ApiKeyIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: RotateApiKeyRequestSchema } } },
    },
    responses: {
      201: {
        description: 'The new key, with its secret (shown this once).',
        content: { 'application/json': { schema: ApiKeyWithSecretSchema } },
      },
      403: problemContent('The key has a scope the caller does not hold.'),
      404: problemContent('No such key in this tenant (or a malformed id).'),
      409: problemContent('The key is revoked or already rotated.'),
    },
  }),
  access: requirePermission(KEYS_PERMISSIONS.keysWrite),
  handler: async (c) => {
    const { keyId } = c.req.valid('param');
    const { graceDays } = c.req.valid('json');
    const held = c.get('principal')?.permissions ?? new Set<string>();
    const key = await callerTenantTx(c, (tx) =>
      rotateKey(tx, { keyId, graceDays, held, actor: requestActor(c) }),
    );
    return c.json(key, 201);
  },
});
