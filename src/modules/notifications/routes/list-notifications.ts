import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { NotificationListQuerySchema, NotificationListSchema } from '../contract.js';
import { listNotifications } from '../services/list-notifications.js';
import { callerUserId } from '../services/present.js';

export const listNotificationsRoute = defineRoute({
  route: createRoute({
    operationId: 'listNotifications',
    method: 'get',
    path: '/partner/notifications',
    tags: ['Notifications'],
    summary: 'List your notifications',
    description: 'Your notifications in the current organisation, newest first, one cursor page at a time.',
    request: { query: NotificationListQuerySchema },
    responses: {
      200: {
        description: 'A page of notifications.',
        content: { 'application/json': { schema: NotificationListSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const { unread, cursor, limit } = c.req.valid('query');
    const userId = callerUserId(c);
    const page = await callerTenantTx(c, (tx) =>
      listNotifications(tx, { userId, unread: unread === 'true', limit, ...(cursor ? { cursor } : {}) }),
    );
    return c.json(page, 200);
  },
});
