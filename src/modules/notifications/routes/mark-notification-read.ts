import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { NotificationIdParamsSchema, NotificationSchema } from '../contract.js';
import { markRead } from '../services/mark-read.js';
import { callerUserId } from '../services/present.js';

export const markNotificationReadRoute = defineRoute({
  route: createRoute({
    operationId: 'markNotificationRead',
    method: 'post',
    path: '/partner/notifications/{notificationId}/read',
    tags: ['Notifications'],
    summary: 'Mark a notification read',
    description: 'Marking a read notification again changes nothing.',
    request: { params: NotificationIdParamsSchema },
    responses: {
      200: {
        description: 'The notification, read.',
        content: { 'application/json': { schema: NotificationSchema } },
      },
      404: problemContent('No such notification of yours in this organisation.'),
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const { notificationId } = c.req.valid('param');
    const userId = callerUserId(c);
    return c.json(await callerTenantTx(c, (tx) => markRead(tx, userId, notificationId)), 200);
  },
});
