import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { getIntelligenceSummary } from '../analytics/intelligence-summary.js';
import { IntelligenceSummarySchema, SummaryQuerySchema } from '../analytics/schemas.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';

export const getIntelligenceSummaryRoute = defineRoute({
  route: createRoute({
    operationId: 'getIntelligenceSummary',
    method: 'get',
    path: '/partner/analytics/summary',
    tags: ['Intelligence analytics'],
    summary: 'Get the intelligence figures of a period',
    description:
      'What the Overview page shows: customers with a transaction booked in the period, customers at drift alert now, and customers whose analysis raised an alert in the period. Archived and merged customers are left out.',
    request: { query: SummaryQuerySchema },
    responses: {
      200: {
        description: 'The figures.',
        content: { 'application/json': { schema: IntelligenceSummarySchema } },
      },
      400: problemContent('`from` or `to` is missing or not a date-time, or `from` is not before `to`.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { from, to } = c.req.valid('query');
    const range = { from: new Date(from), to: new Date(to) };
    return c.json(await callerTenantTx(c, (tx) => getIntelligenceSummary(tx, range)), 200);
  },
});
