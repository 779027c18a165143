import { createRoute, z } from '@hono/zod-openapi';
import { withTenant } from '../../../kernel/db/tenant.js';
import { downloadResponse } from '../../../kernel/http/download.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenant } from '../../../kernel/http/tenant-context.js';
import { LOGS_PERMISSIONS, RequestLogExportQuerySchema, RequestLogSchema } from '../contract.js';
import { exportRequestLogs } from '../services/export-logs.js';
import { logFiltersFromQuery } from '../services/log-filters.js';
import { trackExport } from '../services/track-export.js';

export const exportLogsRoute = defineRoute({
  route: createRoute({
    operationId: 'exportRequestLogs',
    method: 'get',
    path: '/partner/logs/export',
    tags: ['Request logs'],
    summary: 'Export the API request log',
    description:
      'Every request of your tenant that matches the filters, newest first, as CSV, JSON or a PDF table. The file is streamed while it is read, so a large export runs in constant memory. Each export is recorded as a job run (`logs.export`, see `GET /partner/jobs`) with its progress.',
    request: { query: RequestLogExportQuerySchema },
    responses: {
      200: {
        description: 'The export, as an attachment.',
        headers: z.object({
          'content-disposition': z.string().openapi({
            example:
              'attachment; filename="request-logs-ten_01jf8z6x3m4r5t6v7w8x9y0z1a-20250115T093000Z.csv"',
          }),
        }),
        content: {
          'text/csv': {
            schema: z.string().openapi({
              example:
                'id,created_at,request_id,surface,method,path,…\r\nreq_…,2025-01-15T09:30:00.000Z,…\r\n',
            }),
          },
          'application/json': { schema: z.array(RequestLogSchema) },
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
  }),
  access: requirePermission(LOGS_PERMISSIONS.logsRead),
  handler: async (c) => {
    const { format, ...query } = c.req.valid('query');
    const filters = logFiltersFromQuery(query);
    const tenantId = callerTenant(c);
    const name = await withTenant(c.env.services.pool, tenantId, async (tx) => {
      const { rows } = await tx.client.query<{ name: string }>('SELECT name FROM tenants WHERE id = $1', [
        tenantId,
      ]);
      return rows[0]?.name ?? 'Tenant';
    });
    const who = { tenantId, userId: c.get('principal')?.userId ?? null, format };
    // The export is recorded as a job run: the Overview's job tracker shows it live.
    const file = await trackExport(c.env.services, who, filters, (onBatch) =>
      exportRequestLogs(c.env.services, { id: tenantId, name }, filters, format, { onBatch }),
    );
    return downloadResponse(c, file);
  },
});
