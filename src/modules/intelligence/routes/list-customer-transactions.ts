import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { listCustomerTransactions } from '../customers/list-transactions.js';
import {
  CustomerIdParamsSchema,
  TransactionListQuerySchema,
  TransactionListSchema,
} from '../customers/schemas.js';

export const listCustomerTransactionsRoute = defineRoute({
  route: createRoute({
    operationId: 'listCustomerTransactions',
    method: 'get',
    path: '/partner/customers/{customerId}/transactions',
    tags: ['Customers'],
    summary: 'List a customer’s transactions',
    description:
      'The customer’s transactions, newest booking first, each with the category Atrium assigned and its confidence; filter by category and booking dates.',
    request: { params: CustomerIdParamsSchema, query: TransactionListQuerySchema },
    responses: {
      200: {
        description: 'A page of transactions.',
        content: { 'application/json': { schema: TransactionListSchema } },
      },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const { cursor, limit, ...filters } = c.req.valid('query');
    return c.json(
      await callerTenantTx(c, (tx) => listCustomerTransactions(tx, customerId, filters, { cursor, limit })),
      200,
    );
  },
});
