import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { listCustomers } from '../customers/list-customers.js';
import { CustomerListQuerySchema, CustomerListSchema } from '../customers/schemas.js';

export const listCustomersRoute = defineRoute({
  route: createRoute({
    operationId: 'listCustomers',
    method: 'get',
    path: '/partner/customers',
    tags: ['Customers'],
    summary: 'List customers',
    description:
      'The tenant’s customers, newest first, with their latest persona, drift and risk. Search by id, external reference or name; filter by persona, drift level, risk level, region, gender, age band and archived state. Duplicates merged into another customer are not listed.',
    request: { query: CustomerListQuerySchema },
    responses: {
      200: {
        description: 'A page of customers.',
        content: { 'application/json': { schema: CustomerListSchema } },
      },
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query');
    return c.json(await callerTenantTx(c, (tx) => listCustomers(tx, filters, { cursor, limit })), 200);
  },
});
