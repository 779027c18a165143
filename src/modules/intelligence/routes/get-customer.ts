import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { getCustomer } from '../customers/get-customer.js';
import { CustomerIdParamsSchema, CustomerSchema } from '../customers/schemas.js';

export const getCustomerRoute = defineRoute({
  route: createRoute({
    operationId: 'getCustomer',
    method: 'get',
    path: '/partner/customers/{customerId}',
    tags: ['Customers'],
    summary: 'Get a customer',
    description:
      'A customer’s profile: details and age band, counters, the latest analysis in short (persona with reasons, cravings, drift) and the duplicates merged into it. A merged duplicate is still readable and names the customer it was merged into.',
    request: { params: CustomerIdParamsSchema },
    responses: {
      200: { description: 'The customer.', content: { 'application/json': { schema: CustomerSchema } } },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    return c.json(await callerTenantTx(c, (tx) => getCustomer(tx, customerId)), 200);
  },
});
