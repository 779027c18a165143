import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import {
  ReplayRequestSchema,
  ReplayResultSchema,
  WEBHOOKS_PERMISSIONS,
  WebhookEndpointIdParamsSchema,
} from '../contract.js';
import { replayFailed } from '../services/redeliver.js';

export const replayEndpointRoute = defineRoute({
  route: createRoute({
    operationId: 'replayWebhookEndpoint',
    method: 'post',
    path: '/partner/webhooks/{endpointId}/replay',
    tags: ['Webhooks'],
    summary: 'Replay failed deliveries',
    description:
      'Queues every failed delivery of the endpoint created at or after `since` (not in the future, at most 30 days ago) again. Recorded as `webhook_endpoint.replayed`.',
    request: {
      params: WebhookEndpointIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: ReplayRequestSchema } } },
    },
    responses: {
      202: {
        description: 'How many were queued.',
        content: { 'application/json': { schema: ReplayResultSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const { endpointId } = c.req.valid('param');
    const { since } = c.req.valid('json');
    const result = await callerTenantTx(c, (tx) =>
      replayFailed(c.env.services, tx, { endpointId, since, actor: requestActor(c) }),
    );
    return c.json(result, 202);
  },
});
