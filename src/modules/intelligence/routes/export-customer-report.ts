import { createRoute, z } from '@hono/zod-openapi';
import { downloadResponse } from '../../../kernel/http/download.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenant, callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { INTELLIGENCE_PERMISSIONS } from '../contract.js';
import { exportCustomerReport } from '../customers/export-report.js';
import { findCustomer } from '../customers/find-customer.js';
import { viewCustomer } from '../customers/get-customer.js';
import { CustomerIdParamsSchema, CustomerReportQuerySchema } from '../customers/schemas.js';

export const exportCustomerReportRoute = defineRoute({
  route: createRoute({
    operationId: 'exportCustomerReport',
    method: 'get',
    path: '/partner/customers/{customerId}/report',
    tags: ['Customers'],
    summary: 'Export a customer report',
    description:
      'A customer report as an attachment: `pdf` (profile, persona with reasons, cravings, drift, then every transaction) or `csv` (every transaction with its category). Streamed while it is read, so a long history runs in constant memory.',
    request: { params: CustomerIdParamsSchema, query: CustomerReportQuerySchema },
    responses: {
      200: {
        description: 'The report, as an attachment.',
        headers: z.object({
          'content-disposition': z.string().openapi({
            example: 'attachment; filename="customer-cus_01jf8zb2c3d4e5f6g7h8j9k0m1-20250115T093000Z.csv"',
          }),
        }),
        content: {
          'text/csv': {
            schema: z.string().openapi({
              example: 'id,booked_on,amount,currency,description,…\r\ntxn_…,2025-01-14,-1250.00,KES,…\r\n',
            }),
          },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
      404: problemContent('No such customer in this tenant (or a malformed id).'),
    },
  }),
  access: requirePermission(INTELLIGENCE_PERMISSIONS.customersRead),
  handler: async (c) => {
    const { customerId } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const customer = await callerTenantTx(c, async (tx) => {
      const row = await findCustomer(tx, customerId);
      return { ...(await viewCustomer(tx, row)), uuid: row.id };
    });
    const file = await exportCustomerReport(c.env.services, callerTenant(c), customer, format);
    return downloadResponse(c, file);
  },
});
