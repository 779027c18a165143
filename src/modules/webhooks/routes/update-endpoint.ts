import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  UpdateWebhookEndpointRequestSchema,
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointSchema,
} from '../contract.js';
import { updateEndpoint } from '../services/update-endpoint.js';

export const updateEndpointRoute = defineRoute({
  route: createRoute({
    operationId: 'updateWebhookEndpoint',
    method: 'patch',
    path: '/partner/webhooks/{endpointId}',
    tags: ['Webhooks'],
    summary: 'Change a webhook endpoint',
    description:
      'Changes the fields given: URL (checked like on creation), description, event types, custom headers, rate limit, enabled. Enabling a disabled endpoint clears its failure state. Recorded as `webhook_endpoint.updated`.',
    request: {
      params: WebhookEndpointIdParamsSchema,
      body: {
        required: true,
        content: { 'application/json': { schema: UpdateWebhookEndpointRequestSchema } },
      },
    },
    responses: {
      200: {
        description: 'The endpoint.',
        content: { 'application/json': { schema: WebhookEndpointSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const endpoint = await callerTenantTx(c, (tx) =>
      updateEndpoint(c.env.services, tx, { endpointId, changes, actor: requestActor(c) }),
    );
    return c.json(endpoint, 200);
  },
});
