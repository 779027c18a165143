import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppIdParamsSchema, AppSchema, UpdateAppRequestSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { updateApp } from '../services/update-app.js';

export const updateAppRoute = defineRoute({
  route: createRoute({
    operationId: 'updateApp',
    method: 'patch',
    path: '/partner/apps/{appId}',
    tags: ['Tenancy'],
    summary: 'Update an app',
    description:
      'Changes an app’s name, description, environment, IP allowlist or settings. Each bad allowlist entry is reported by its index. Recorded as `app.updated` with the changed fields before and after; a request that changes nothing records nothing.',
    request: {
      params: AppIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: UpdateAppRequestSchema } } },
    },
    responses: {
      200: { description: 'The app as it is now.', content: { 'application/json': { schema: AppSchema } } },
      404: problemContent('No such app in this tenant (or a malformed id).'),
      409: problemContent('Another app in the project already has this name.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsWrite),
  handler: async (c) => {
    const { appId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const app = await callerTenantTx(c, (tx) => updateApp(tx, { appId, changes, actor: requestActor(c) }));
    return c.json(app, 200);
  },
});
