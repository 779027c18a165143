import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointIdParamsSchema,
  WebhookStatsQuerySchema,
  WebhookStatsSchema,
} from '../contract.js';
import { endpointStats } from '../services/endpoint-stats.js';

export const getEndpointStatsRoute = defineRoute({
  route: createRoute({
    operationId: 'getWebhookEndpointStats',
    method: 'get',
    path: '/partner/webhooks/{endpointId}/stats',
    tags: ['Webhooks'],
    summary: 'An endpoint’s success rate and heatmap',
    description:
      'Successful and failed attempts over the last 7 to 30 days, the success rate, and a heatmap of both by UTC day of week and hour of day.',
    request: { params: WebhookEndpointIdParamsSchema, query: WebhookStatsQuerySchema },
    responses: {
      200: { description: 'The figures.', content: { 'application/json': { schema: WebhookStatsSchema } } },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const { days } = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => endpointStats(tx, { endpointId, days })), 200);
  },
});
