import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { WEBHOOKS_PERMISSIONS, WebhookEndpointIdParamsSchema } from '../contract.js';
import { deleteEndpoint } from '../services/delete-endpoint.js';

export const deleteEndpointRoute = defineRoute({
  route: createRoute({
    operationId: 'deleteWebhookEndpoint',
    method: 'delete',
    path: '/partner/webhooks/{endpointId}',
    tags: ['Webhooks'],
    summary: 'Delete a webhook endpoint',
    description:
      'Deletes the endpoint with its delivery history; pending deliveries are dropped. Recorded as `webhook_endpoint.deleted`.',
    request: { params: WebhookEndpointIdParamsSchema },
    responses: {
      204: { description: 'Deleted.' },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    await callerTenantTx(c, (tx) => deleteEndpoint(tx, { endpointId, actor: requestActor(c) }));
    return c.body(null, 204);
  },
});
