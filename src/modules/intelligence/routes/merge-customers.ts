import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { mergeCustomers } from '../customers/merge-customers.js';
import {
  CustomerIdParamsSchema,
  MergeCustomersRequestSchema,
  MergeCustomersResultSchema,
} from '../customers/schemas.js';

export const mergeCustomersRoute = defineRoute({
  route: createRoute({
    operationId: 'mergeCustomers',
    method: 'post',
    path: '/partner/customers/{customerId}/merge',
    tags: ['Customers'],
    summary: 'Merge duplicates into a customer',
    description:
      'In one transaction: the duplicates’ transactions and statements move to this customer (a transaction both hold, by its dedupe key, is kept once), each duplicate stays readable with `mergedIntoId`, the counters are recomputed, a new analysis is requested, and the merge is recorded as `customer.merged`.',
    request: {
      params: CustomerIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: MergeCustomersRequestSchema } } },
    },
    responses: {
      200: {
        description: 'The customer after the merge, and what moved.',
        content: { 'application/json': { schema: MergeCustomersResultSchema } },
      },
      404: problemContent('This customer or one of the duplicates is not a customer of this tenant.'),
      409: problemContent('This customer or a duplicate was already merged.'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersWrite),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const { duplicateIds } = c.req.valid('json');
    const result = await callerTenantTx(c, (tx) =>
      mergeCustomers(c.env.services, tx, {
        customerId,
        duplicateIds,
        actor: requestActor(c),
        userId: c.get('principal')?.userId ?? null,
      }),
    );
    return c.json(result, 200);
  },
});
