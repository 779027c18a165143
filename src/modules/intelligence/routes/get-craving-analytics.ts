import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { getCravingAnalytics } from '../analytics/craving-analytics.js';
import { AnalyticsFilterQuerySchema, CravingAnalyticsSchema } from '../analytics/schemas.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';

export const getCravingAnalyticsRoute = defineRoute({
  route: createRoute({
    operationId: 'getCravingAnalytics',
    method: 'get',
    path: '/partner/analytics/cravings',
    tags: ['Intelligence analytics'],
    summary: 'Get the craving breakdown',
    description:
      'Per craving driver (convenience, security, status, experience, savings, social): the mean score and confidence of the customers measured on it, how many need more data, and the spread of their scores in five buckets. From each customer’s latest analysis; the same filters as the persona figures.',
    request: { query: AnalyticsFilterQuerySchema },
    responses: {
      200: {
        description: 'The craving figures.',
        content: { 'application/json': { schema: CravingAnalyticsSchema } },
      },
      400: problemContent('A filter is not valid, or `from` is not before `to`.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const filters = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => getCravingAnalytics(tx, filters, new Date())), 200);
  },
});
