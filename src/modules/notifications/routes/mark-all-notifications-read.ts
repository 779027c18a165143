import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ReadAllResultSchema } from '../contract.js';
import { markAllRead } from '../services/mark-read.js';
import { callerUserId } from '../services/present.js';

export const markAllNotificationsReadRoute = defineRoute({
  route: createRoute({
    operationId: 'markAllNotificationsRead',
    method: 'post',
    path: '/partner/notifications/read-all',
    tags: ['Notifications'],
    summary: 'Mark all notifications read',
    description: 'Every unread notification of yours in the current organisation.',
    responses: {
      200: {
        description: 'How many were marked.',
        content: { 'application/json': { schema: ReadAllResultSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const userId = callerUserId(c);
    return c.json(await callerTenantTx(c, (tx) => markAllRead(tx, userId)), 200);
  },
});
