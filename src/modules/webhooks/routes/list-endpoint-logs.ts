import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  EndpointLogQuerySchema,
  WEBHOOKS_PERMISSIONS,
  WebhookAttemptListSchema,
  WebhookEndpointIdParamsSchema,
} from '../contract.js';
import { findEndpoint } from '../services/find-endpoint.js';
import { listAttempts } from '../services/list-attempts.js';

export const listEndpointLogsRoute = defineRoute({
  route: createRoute({
    operationId: 'listWebhookEndpointLogs',
    method: 'get',
    path: '/partner/webhooks/{endpointId}/logs',
    tags: ['Webhooks'],
    summary: 'List an endpoint’s delivery attempts',
    description:
      'The delivery log of one endpoint, newest first, with the same filters and paging as the tenant-wide log.',
    request: { params: WebhookEndpointIdParamsSchema, query: EndpointLogQuerySchema },
    responses: {
      200: {
        description: 'One page of attempts.',
        content: { 'application/json': { schema: WebhookAttemptListSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const { cursor, limit, ...filters } = c.req.valid('query');
    const page = await callerTenantTx(c, async (tx) => {
      await findEndpoint(tx, endpointId);
      return listAttempts(tx, { ...filters, endpointId }, { cursor, limit });
    });
    return c.json(page, 200);
  },
});
