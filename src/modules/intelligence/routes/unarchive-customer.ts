import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { setCustomerArchived } from '../customers/archive-customer.js';
import { CustomerIdParamsSchema, CustomerSchema } from '../customers/schemas.js';

export const unarchiveCustomerRoute = defineRoute({
  route: createRoute({
    operationId: 'unarchiveCustomer',
    method: 'post',
    path: '/partner/customers/{customerId}/unarchive',
    tags: ['Customers'],
    summary: 'Restore an archived customer',
    description:
      'Brings an archived customer back into the default customer table. Recorded as `customer.unarchived`.',
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
      setCustomerArchived(tx, { customerId, archived: false, actor: requestActor(c) }),
    );
    return c.json(customer, 200);
  },
});
