import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointSecretSchema,
} from '../contract.js';
import { revealEndpointSecret } from '../services/endpoint-secrets.js';

export const revealEndpointSecretRoute = defineRoute({
  route: createRoute({
    operationId: 'revealWebhookEndpointSecret',
    method: 'get',
    path: '/partner/webhooks/{endpointId}/secret',
    tags: ['Webhooks'],
    summary: 'Reveal an endpoint’s signing secret',
    description:
      'The signing secret in clear (and the previous one while it still signs after a rotation). Needs `webhooks:reveal`; each reveal is recorded as `webhook_endpoint.secret_revealed`.',
    request: { params: WebhookEndpointIdParamsSchema },
    responses: {
      200: {
        description: 'The secrets.',
        content: { 'application/json': { schema: WebhookEndpointSecretSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.revealSecret),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const secrets = await callerTenantTx(c, (tx) =>
      revealEndpointSecret(c.env.services, tx, { endpointId, actor: requestActor(c) }),
    );
    return c.json(secrets, 200);
  },
});
