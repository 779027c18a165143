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
      'The app, its project and its activity over the last 7 days. `changes` counts the app’s audit events. `traffic` counts the calls made with the app’s keys and how many failed (4xx or 5xx), from the request log’s rollups; with the request log module disabled, `traffic.source` is `not_collected` and the figures are 0.',
    request: { params: AppIdParamsSchema },
    responses: {
      200: { description: 'The overview.', content: { 'application/json': { schema: AppOverviewSchema } } },
      404: problemContent('No such app in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsRead),
  handler: async (c) => {
    const { appId } = c.req.valid('param');
    return c.json(
      await callerTenantTx(c, (tx) =>
        getAppOverview(tx, appId, {
          requestLog: c.env.services.modules.some((module) => module.id === 'logs'),
        }),
      ),
      200,
    );
  },
});
