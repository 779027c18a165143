import { createRoute, z } from '@hono/zod-openapi';
import { withTenant } from '../../../kernel/db/tenant.js';
import { requestActor } from '../../../kernel/http/actor.js';
import { downloadResponse } from '../../../kernel/http/download.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenant } from '../../../kernel/http/tenant-context.js';
import { AUDIT_PERMISSIONS, AuditEventSchema, AuditExportQuerySchema } from '../contract.js';
import { filtersFromQuery } from '../services/audit-filters.js';
import { exportAuditEvents } from '../services/export-audit-events.js';
import { recordAudit } from '../services/record-audit.js';

export const exportAuditEventsRoute = defineRoute({
  route: createRoute({
    operationId: 'exportAuditEvents',
    method: 'get',
    path: '/partner/audit/export',
    tags: ['Audit'],
    summary: 'Export the audit trail',
    description:
      'Every event of your tenant that matches the filters, newest first, as a CSV or JSON download. The file is streamed while it is read, so large trails export in constant memory.',
    request: { query: AuditExportQuerySchema },
    responses: {
      200: {
        description: 'The export, as an attachment.',
        headers: z.object({
          'content-disposition': z.string().openapi({
            example: 'attachment; filename="audit-ten_01jf8z6x3m4r5t6v7w8x9y0z1a-20250115T093000Z.csv"',
          }),
        }),
        content: {
          'text/csv': {
            schema: z.string().openapi({
              example:
                'id,seq,occurred_at,actor_type,actor_id,actor_label,action,…\r\naud_…,2,2025-01-15T09:30:00.000Z,user,…\r\n',
            }),
          },
          'application/json': { schema: z.array(AuditEventSchema) },
        },
      },
    },
  }),
  access: requirePermission(AUDIT_PERMISSIONS.read),
  handler: async (c) => {
    const { format, ...filters } = c.req.valid('query');
    const tenantId = callerTenant(c);
    // An export takes the trail out of Atrium: it is itself a sensitive action, recorded first.
    const recorded = await withTenant(c.env.services.pool, tenantId, (tx) =>
      recordAudit(tx, tenantId, requestActor(c), {
        action: 'audit.exported',
        target: { type: 'audit_trail', id: null, label: `${format.toUpperCase()} export` },
        metadata: { format, filters },
      }),
    );
    const file = await exportAuditEvents(c.env.services, tenantId, filtersFromQuery(filters), format, {
      beforeSeq: recorded.seq,
    });
    return downloadResponse(c, file);
  },
});
