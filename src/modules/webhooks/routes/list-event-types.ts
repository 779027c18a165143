import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { EventTypeListSchema, WEBHOOKS_PERMISSIONS } from '../contract.js';
import { eventCatalogue } from '../services/event-catalogue.js';

export const listEventTypesRoute = defineRoute({
  route: createRoute({
    operationId: 'listWebhookEventTypes',
    method: 'get',
    path: '/partner/webhooks/event-types',
    tags: ['Webhooks'],
    summary: 'List the event types',
    description:
      'Every event type the enabled modules emit, with a description, the JSON Schema of its `data` and an example. Endpoints subscribe to these types.',
    responses: {
      200: {
        description: 'The catalogue.',
        content: { 'application/json': { schema: EventTypeListSchema } },
      },
    },
  }),
  access: requirePermission(WEBHOOKS_PERMISSIONS.read),
  handler: async (c) => c.json({ data: eventCatalogue(c.env.services.modules) }, 200),
});
