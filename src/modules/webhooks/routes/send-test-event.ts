import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { SendTestEventRequestSchema, SendTestEventResultSchema, WEBHOOKS_PERMISSIONS } from '../contract.js';
import { sendTestEvent } from '../services/send-test-event.js';

export const sendTestEventRoute = defineRoute({
  route: createRoute({
    operationId: 'sendWebhookTestEvent',
    method: 'post',
    path: '/partner/webhooks/test',
    tags: ['Webhooks'],
    summary: 'Send a test event',
    description:
      'Emits a `webhook.test` event that only the given endpoint receives, signed and logged like any delivery, whatever event types it subscribes to.',
    request: {
      body: { required: true, content: { 'application/json': { schema: SendTestEventRequestSchema } } },
    },
    responses: {
      202: {
        description: 'The event is queued.',
        content: { 'application/json': { schema: SendTestEventResultSchema } },
      },
      404: problemContent('No such endpoint in this tenant (or a malformed id).'),
      409: problemContent('The endpoint is disabled.'),
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.write),
  handler: async (c) => {
    const body = c.req.valid('json');
    const knownTypes = new Set(
      c.env.services.modules.flatMap((module) => module.events.map((event) => event.type)),
    );
    const result = await callerTenantTx(c, (tx) => sendTestEvent(tx, { ...body, knownTypes }));
    return c.json(result, 202);
  },
});
