import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { WEBHOOKS_PERMISSIONS, WebhookEndpointIdParamsSchema, WebhookEndpointSchema } from '../contract.js';
import { findEndpoint, viewEndpoint } from '../services/find-endpoint.js';

export const getEndpointRoute = defineRoute({
  route: createRoute({
    operationId: 'getWebhookEndpoint',
    method: 'get',
    path: '/partner/webhooks/{endpointId}',
    tags: ['Webhooks'],
    summary: 'Get a webhook endpoint',
    description: 'One webhook endpoint of the caller’s tenant, without its secret.',
    request: { params: WebhookEndpointIdParamsSchema },
    responses: {
      200: {
        description: 'The endpoint.',
        content: { 'application/json': { schema: WebhookEndpointSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    return c.json(
      await callerTenantTx(c, async (tx) => viewEndpoint(tx, await findEndpoint(tx, endpointId))),
      200,
    );
  },
});
