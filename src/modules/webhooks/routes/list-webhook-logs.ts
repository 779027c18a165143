import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { WEBHOOKS_PERMISSIONS, WebhookAttemptListSchema, WebhookLogQuerySchema } from '../contract.js';
import { listAttempts } from '../services/list-attempts.js';

export const listWebhookLogsRoute = defineRoute({
  route: createRoute({
    operationId: 'listWebhookLogs',
    method: 'get',
    path: '/partner/webhooks/logs',
    tags: ['Webhooks'],
    summary: 'Search the webhook delivery log',
    description:
      'Every delivery attempt of the tenant, newest first: event, attempt number, status code, latency, the request payload and the (truncated) response. Filter by app, endpoint, event type, outcome and time; pass `nextCursor` back as `cursor` for older attempts.',
    request: { query: WebhookLogQuerySchema },
    responses: {
      200: {
        description: 'One page of attempts.',
        content: { 'application/json': { schema: WebhookAttemptListSchema } },
      },
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => listAttempts(tx, filters, { cursor, limit })), 200);
  },
});
