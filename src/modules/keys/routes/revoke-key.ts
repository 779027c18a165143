import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ApiKeyIdParamsSchema, ApiKeySchema, KEYS_PERMISSIONS } from '../contract.js';
import { revokeKey } from '../services/revoke-key.js';

export const revokeKeyRoute = defineRoute({
  route: createRoute({
    operationId: 'revokeApiKey',
    method: 'post',
    path: '/partner/api-keys/{keyId}/revoke',
    tags: ['API keys'],
    summary: 'Revoke an API key',
    description:
      'Refuses the key from now on. Revoking a revoked key changes nothing. Recorded as `api_key.revoked`.',
    request: { params: ApiKeyIdParamsSchema },
    responses: {
      200: { description: 'The revoked key.', content: { 'application/json': { schema: ApiKeySchema } } },
      404: problemContent('No such key in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(KEYS_PERMISSIONS.keysWrite),
  handler: async (c) => {
    const { keyId } = c.req.valid('param');
    return c.json(await callerTenantTx(c, (tx) => revokeKey(tx, keyId, requestActor(c))), 200);
  },
});
