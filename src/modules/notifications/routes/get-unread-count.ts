import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { UnreadCountSchema } from '../contract.js';
import { countUnread } from '../services/list-notifications.js';
import { callerUserId } from '../services/present.js';

export const getUnreadCountRoute = defineRoute({
  route: createRoute({
    operationId: 'getUnreadNotificationCount',
    method: 'get',
    path: '/partner/notifications/unread-count',
    tags: ['Notifications'],
    summary: 'Count unread notifications',
    description: 'The badge on the bell. The live stream says when to ask again (`notification.created`).',
    responses: {
      200: { description: 'The count.', content: { 'application/json': { schema: UnreadCountSchema } } },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const userId = callerUserId(c);
    return c.json({ count: await callerTenantTx(c, (tx) => countUnread(tx, userId)) }, 200);
  },
});
