import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { permissionCatalogue } from '../../access/index.js';
import { ApiKeyWithSecretSchema, CreateApiKeyRequestSchema, KEYS_PERMISSIONS } from '../contract.js';
import { createKey } from '../services/create-key.js';
import { checkScopes } from '../services/scopes.js';

export const createKeyRoute = defineRoute({
  route: createRoute({
    operationId: 'createApiKey',
    method: 'post',
    path: '/partner/api-keys',
    tags: ['API keys'],
    summary: 'Create an API key',
    description:
      'Creates a key for one of the caller’s apps: `atr_live_…` for a production app, `atr_test_…` for a sandbox one. The secret is in this answer only; Atrium keeps its SHA-256. Each scope must be a tenant permission the caller holds. Recorded as `api_key.created`.',
    request: {
      body: { required: true, content: { 'application/json': { schema: CreateApiKeyRequestSchema } } },
    },
    responses: {
      201: {
        description: 'The new key, with its secret (shown this once).',
        content: { 'application/json': { schema: ApiKeyWithSecretSchema } },
      },
      403: problemContent('A scope is a permission the caller does not hold.'),
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(KEYS_PERMISSIONS.keysWrite),
  handler: async (c) => {
    const body = c.req.valid('json');
    const catalogue = new Set(permissionCatalogue(c.env.services.modules).tenant.map((p) => p.name));
    checkScopes(body.scopes, catalogue, c.get('principal')?.permissions ?? new Set());
    const key = await callerTenantTx(c, (tx) => createKey(tx, { ...body, actor: requestActor(c) }));
    return c.json(key, 201);
  },
});
