import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ApiKeyIdParamsSchema, ApiKeySchema, KEYS_PERMISSIONS } from '../contract.js';
import { findKey } from '../services/find-key.js';
import { presentKey } from '../services/present.js';

export const getKeyRoute = defineRoute({
  route: createRoute({
    operationId: 'getApiKey',
    method: 'get',
    path: '/partner/api-keys/{keyId}',
    tags: ['API keys'],
    summary: 'Get an API key',
    description: 'One API key of the caller’s tenant, without its secret.',
    request: { params: ApiKeyIdParamsSchema },
    responses: {
      200: { description: 'The key.', content: { 'application/json': { schema: ApiKeySchema } } },
      404: problemContent('No such key in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(KEYS_PERMISSIONS.keysRead),
  handler: async (c) => {
    const { keyId } = c.req.valid('param');
    const row = await callerTenantTx(c, (tx) => findKey(tx, keyId));
    return c.json(presentKey(row), 200);
  },
});
