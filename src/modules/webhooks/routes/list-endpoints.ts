import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointListQuerySchema,
  WebhookEndpointListSchema,
} from '../contract.js';
import { listEndpoints } from '../services/find-endpoint.js';

export const listEndpointsRoute = defineRoute({
  route: createRoute({
    operationId: 'listWebhookEndpoints',
    method: 'get',
    path: '/partner/webhooks',
    tags: ['Webhooks'],
    summary: 'List webhook endpoints',
    description:
      'The caller’s webhook endpoints, newest first, optionally of one app, each with the share of successful attempts over the last 7 days. Never their secrets.',
    request: { query: WebhookEndpointListQuerySchema },
    responses: {
      200: {
        description: 'The endpoints.',
        content: { 'application/json': { schema: WebhookEndpointListSchema } },
      },
      404: problemContent('The `appId` filter is not an app of this tenant.'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => c.json(await callerTenantTx(c, (tx) => listEndpoints(tx, c.req.valid('query'))), 200),
});
