import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { OverviewSchema, USAGE_PERMISSIONS, UsageRangeQuerySchema } from '../contract.js';
import { getOverview } from '../services/overview.js';

const AUDIT_READ = 'audit:read';

export const getOverviewRoute = defineRoute({
  route: createRoute({
    operationId: 'getOverview',
    method: 'get',
    path: '/partner/overview',
    tags: ['Usage'],
    summary: 'Get the overview',
    description:
      'The caller’s tenant’s API traffic in a period, read from the hourly request rollups: stat cards with the previous period’s values, calls and errors per hour or day, the busiest routes, the latest audit events (with `audit:read`) and API health.',
    request: { query: UsageRangeQuerySchema },
    responses: {
      200: { description: 'The overview.', content: { 'application/json': { schema: OverviewSchema } } },
      400: problemContent('`range` is not one of 24h, 7d, 30d, 90d.'),
    },
  }),
  access: requirePermission(USAGE_PERMISSIONS.usageRead),
  handler: async (c) => {
    const { range } = c.req.valid('query');
    const withActivity = c.get('principal')?.permissions.has(AUDIT_READ) ?? false;
    const overview = await callerTenantTx(c, (tx) =>
      getOverview(c.env.services, tx, { range, now: new Date(), withActivity }),
    );
    return c.json(overview, 200);
  },
});
