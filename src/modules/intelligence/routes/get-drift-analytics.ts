import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { getDriftAnalytics } from '../analytics/drift-analytics.js';
import { DriftAnalyticsSchema, DriftQuerySchema } from '../analytics/schemas.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';

export const getDriftAnalyticsRoute = defineRoute({
  route: createRoute({
    operationId: 'getDriftAnalytics',
    method: 'get',
    path: '/partner/analytics/drift',
    tags: ['Intelligence analytics'],
    summary: 'Get the drift alerts and timeline',
    description:
      'The matching customers per drift level now; the analyses at `moderate` or `alert` per day (or ISO week, past 62 days) of the range (the last 90 days without `from`); and the alert feed of those analyses, newest first, with each one’s PSI, Jensen–Shannon distance and the categories that moved most. Pass `nextCursor` back as `cursor` for older alerts.',
    request: { query: DriftQuerySchema },
    responses: {
      200: {
        description: 'The drift figures.',
        content: { 'application/json': { schema: DriftAnalyticsSchema } },
      },
      400: problemContent('A filter or the cursor is not valid, or `from` is not before `to`.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const query = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => getDriftAnalytics(tx, query, new Date())), 200);
  },
});
