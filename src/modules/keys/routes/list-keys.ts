import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ApiKeyListQuerySchema, ApiKeyListSchema, KEYS_PERMISSIONS } from '../contract.js';
import { listKeys } from '../services/find-key.js';

export const listKeysRoute = defineRoute({
  route: createRoute({
    operationId: 'listApiKeys',
    method: 'get',
    path: '/partner/api-keys',
    tags: ['API keys'],
    summary: 'List API keys',
    description: 'The caller’s API keys, newest first, optionally of one app. Never their secrets.',
    request: { query: ApiKeyListQuerySchema },
    responses: {
      200: { description: 'The keys.', content: { 'application/json': { schema: ApiKeyListSchema } } },
      404: problemContent('The `appId` filter is not an app of this tenant.'),
    },
  }),
  access: requirePermission(KEYS_PERMISSIONS.keysRead),
  handler: async (c) => {
    const query = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => listKeys(tx, query)), 200);
  },
});
