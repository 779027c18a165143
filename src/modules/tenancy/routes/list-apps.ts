import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AppListQuerySchema, AppListSchema } from '../contract/apps.js';
import { TENANCY_PERMISSIONS } from '../contract.js';
import { listApps } from '../services/find-app.js';

export const listAppsRoute = defineRoute({
  route: createRoute({
    operationId: 'listApps',
    method: 'get',
    path: '/partner/apps',
    tags: ['Tenancy'],
    summary: 'List apps',
    description:
      'The caller’s apps, newest first, a page at a time (follow `nextCursor`). Filter by project and environment; `q` matches part of the name in any case.',
    request: { query: AppListQuerySchema },
    responses: {
      200: { description: 'One page of apps.', content: { 'application/json': { schema: AppListSchema } } },
      404: problemContent('The `projectId` filter is not a project id.'),
    },
  }),
  access: requirePermission(TENANCY_PERMISSIONS.appsRead),
  handler: async (c) => {
    const query = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => listApps(tx, query)), 200);
  },
});
