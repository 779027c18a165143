import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { setCustomerArchived } from '../customers/archive-customer.js';
import { CustomerIdParamsSchema, CustomerSchema } from '../customers/schemas.js';

export const archiveCustomerRoute = defineRoute({
  route: createRoute({
    operationId: 'archiveCustomer',
    method: 'post',
    path: '/partner/customers/{customerId}/archive',
    tags: ['Customers'],
    summary: 'Archive a customer',
    description:
      'Takes the customer out of the default customer table; its data and analyses stay. Archiving an archived customer changes nothing. Recorded as `customer.archived`.',
    request: { params: CustomerIdParamsSchema },
    responses: {
      200: { description: 'The customer.', content: { 'application/json': { schema: CustomerSchema } } },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
      409: problemContent('The customer was merged into another one.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersWrite),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const customer = await callerTenantTx(c, (tx) =>
      setCustomerArchived(tx, { customerId, archived: true, actor: requestActor(c) }),
    );
    return c.json(customer, 200);
  },
});
