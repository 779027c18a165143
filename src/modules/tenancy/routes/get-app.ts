import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppIdParamsSchema, AppSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { findApp } from '../services/find-app.js';

export const getAppRoute = defineRoute({
  route: createRoute({
    operationId: 'getApp',
    method: 'get',
    path: '/partner/apps/{appId}',
    tags: ['Tenancy'],
    summary: 'Get an app',
    description: 'One app of the caller’s tenant, with its allowlist and settings.',
    request: { params: AppIdParamsSchema },
    responses: {
      200: { description: 'The app.', content: { 'application/json': { schema: AppSchema } } },
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsRead),
  handler: async (c) => {
    const { appId } = c.req.valid('param');
    const { view } = await callerTenantTx(c, (tx) => findApp(tx, appId));
    return c.json(view, 200);
  },
});
