import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { CustomerIdParamsSchema, CustomerSchema, UpdateCustomerRequestSchema } from '../customers/schemas.js';
import { updateCustomer } from '../customers/update-customer.js';

export const updateCustomerRoute = defineRoute({
  route: createRoute({
    operationId: 'updateCustomer',
    method: 'patch',
    path: '/partner/customers/{customerId}',
    tags: ['Customers'],
    summary: 'Change a customer’s details',
    description:
      'Changes the fields given (display name, birth year, gender, region); null clears one. Recorded as `customer.updated` with before and after.',
    request: {
      params: CustomerIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: UpdateCustomerRequestSchema } } },
    },
    responses: {
      200: { description: 'The customer.', content: { 'application/json': { schema: CustomerSchema } } },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
      409: problemContent('The customer was merged into another one.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersWrite),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const changes = c.req.valid('json');
    const customer = await callerTenantTx(c, (tx) =>
      updateCustomer(tx, { customerId, changes, actor: requestActor(c) }),
    );
    return c.json(customer, 200);
  },
});
