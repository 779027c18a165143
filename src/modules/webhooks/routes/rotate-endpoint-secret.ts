import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointWithSecretSchema,
} from '../contract.js';
import { rotateEndpointSecret } from '../services/endpoint-secrets.js';

export const rotateEndpointSecretRoute = defineRoute({
  route: createRoute({
    operationId: 'rotateWebhookEndpointSecret',
    method: 'post',
    path: '/partner/webhooks/{endpointId}/rotate-secret',
    tags: ['Webhooks'],
    summary: 'Rotate an endpoint’s signing secret',
    description:
      'Makes a new signing secret. For 24 hours every delivery carries two signatures in `webhook-signature`, one per secret, so the receiver can switch without losing a delivery. The new secret is in this answer. Recorded as `webhook_endpoint.secret_rotated`.',
    request: { params: WebhookEndpointIdParamsSchema },
    responses: {
      200: {
        description: 'The endpoint with its new secret.',
        content: { 'application/json': { schema: WebhookEndpointWithSecretSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const endpoint = await callerTenantTx(c, (tx) =>
      rotateEndpointSecret(c.env.services, tx, { endpointId, actor: requestActor(c) }),
    );
    return c.json(endpoint, 200);
  },
});
