import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  CreateWebhookEndpointRequestSchema,
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointWithSecretSchema,
} from '../contract.js';
import { createEndpoint } from '../services/create-endpoint.js';

export const createEndpointRoute = defineRoute({
  route: createRoute({
    operationId: 'createWebhookEndpoint',
    method: 'post',
    path: '/partner/webhooks',
    tags: ['Webhooks'],
    summary: 'Create a webhook endpoint',
    description:
      'Adds an endpoint to one of the caller’s apps. The URL must be `https://` for a production app and its host must resolve to public addresses only (loopback, private, CGNAT, link-local, unique-local, multicast and similar ranges are refused unless the operator allows them). The signing secret (`whsec_…`) is in this answer only. Recorded as `webhook_endpoint.created`.',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: CreateWebhookEndpointRequestSchema } },
      },
    },
    responses: {
      201: {
        description: 'The new endpoint, with its secret (shown this once).',
        content: { 'application/json': { schema: WebhookEndpointWithSecretSchema } },
      },
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const body = c.req.valid('json');
    const endpoint = await callerTenantTx(c, (tx) =>
      createEndpoint(c.env.services, tx, { ...body, actor: requestActor(c) }),
    );
    return c.json(endpoint, 201);
  },
});
