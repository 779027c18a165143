import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { PreferenceListSchema } from '../contract.js';
import { getPreferences } from '../services/preferences.js';
import { callerUserId } from '../services/present.js';

export const getNotificationPreferencesRoute = defineRoute({
  route: createRoute({
    operationId: 'getNotificationPreferences',
    method: 'get',
    path: '/partner/notifications/preferences',
    tags: ['Notifications'],
    summary: 'Get your notification preferences',
    description:
      'Every category with whether you get it in the dashboard and by email. Defaults: in the dashboard always; by email for the important categories.',
    responses: {
      200: {
        description: 'Your preferences.',
        content: { 'application/json': { schema: PreferenceListSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const userId = callerUserId(c);
    return c.json(await callerTenantTx(c, (tx) => getPreferences(tx, userId)), 200);
  },
});
