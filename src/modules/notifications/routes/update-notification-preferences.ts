import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { PreferenceListSchema, UpdatePreferencesSchema } from '../contract.js';
import { updatePreferences } from '../services/preferences.js';
import { callerUserId } from '../services/present.js';

export const updateNotificationPreferencesRoute = defineRoute({
  route: createRoute({
    operationId: 'updateNotificationPreferences',
    method: 'put',
    path: '/partner/notifications/preferences',
    tags: ['Notifications'],
    summary: 'Change your notification preferences',
    description: 'Sets the listed categories’ channels; categories not listed keep theirs.',
    request: {
      body: { required: true, content: { 'application/json': { schema: UpdatePreferencesSchema } } },
    },
    responses: {
      200: {
        description: 'All your preferences, updated.',
        content: { 'application/json': { schema: PreferenceListSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const { preferences } = c.req.valid('json');
    const userId = callerUserId(c);
    return c.json(await callerTenantTx(c, (tx) => updatePreferences(tx, userId, preferences)), 200);
  },
});
