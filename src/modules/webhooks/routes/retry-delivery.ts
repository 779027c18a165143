import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { WEBHOOKS_PERMISSIONS, WebhookDeliveryIdParamsSchema, WebhookDeliverySchema } from '../contract.js';
import { retryDelivery } from '../services/redeliver.js';

export const retryDeliveryRoute = defineRoute({
  route: createRoute({
    operationId: 'retryWebhookDelivery',
    method: 'post',
    path: '/partner/webhooks/deliveries/{deliveryId}/retry',
    tags: ['Webhooks'],
    summary: 'Retry one delivery',
    description:
      'Queues another attempt of a pending or failed delivery now, with the same `webhook-id`. Recorded as `webhook_delivery.retried`.',
    request: { params: WebhookDeliveryIdParamsSchema },
    responses: {
      202: {
        description: 'The attempt is queued.',
        content: { 'application/json': { schema: WebhookDeliverySchema } },
      },
      404: problemContent('No such delivery in this tenant (or a malformed id).'),
      409: problemContent('The delivery already succeeded.'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const { deliveryId } = c.req.valid('param');
    const delivery = await callerTenantTx(c, (tx) =>
      retryDelivery(c.env.services, tx, { deliveryId, actor: requestActor(c) }),
    );
    return c.json(delivery, 202);
  },
});
