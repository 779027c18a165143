import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { listCustomerAnalyses } from '../customers/list-analyses.js';
import { AnalysisListQuerySchema, AnalysisListSchema, CustomerIdParamsSchema } from '../customers/schemas.js';

export const listCustomerAnalysesRoute = defineRoute({
  route: createRoute({
    operationId: 'listCustomerAnalyses',
    method: 'get',
    path: '/partner/customers/{customerId}/analyses',
    tags: ['Customers'],
    summary: 'List a customer’s analyses',
    description:
      'Every analysis of the customer, newest first: persona with its reasons, cravings, income/spend profile, drift and the monthly persona timeline.',
    request: { params: CustomerIdParamsSchema, query: AnalysisListQuerySchema },
    responses: {
      200: {
        description: 'A page of analyses.',
        content: { 'application/json': { schema: AnalysisListSchema } },
      },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const query = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => listCustomerAnalyses(tx, customerId, query)), 200);
  },
});
