import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppIdParamsSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { deleteApp } from '../services/delete-app.js';

export const deleteAppRoute = defineRoute({
  route: createRoute({
    operationId: 'deleteApp',
    method: 'delete',
    path: '/partner/apps/{appId}',
    tags: ['Tenancy'],
    summary: 'Delete an app',
    description: 'Deletes an app. Recorded as `app.deleted` with what the app was.',
    request: { params: AppIdParamsSchema },
    responses: {
      204: { description: 'Deleted.' },
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsWrite),
  handler: async (c) => {
    const { appId } = c.req.valid('param');
    await callerTenantTx(c, (tx) => deleteApp(tx, { appId, actor: requestActor(c) }));
    return c.body(null, 204);
  },
});
