import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppIdParamsSchema, AppOverviewSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { getAppOverview } from '../services/get-app-overview.js';

export const getAppOverviewRoute = defineRoute({
  route: createRoute({
    operationId: 'getAppOverview',
    method: 'get',
    path: '/partner/apps/{appId}/overview',
    tags: ['Tenancy'],
    summary: 'App overview',
    description:
      'The app, its project and its activity over the last 7 days. `changes` counts the app’s audit events. API calls, errors and webhook deliveries are not recorded by any module yet: `traffic.source` is `not_collected` and the figures are 0 until the request log and webhooks modules fill them.',
    request: { params: AppIdParamsSchema },
    responses: {
      200: { description: 'The overview.', content: { 'application/json': { schema: AppOverviewSchema } } },
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsRead),
  handler: async (c) => {
    const { appId } = c.req.valid('param');
    return c.json(await callerTenantTx(c, (tx) => getAppOverview(tx, appId)), 200);
  },
});
