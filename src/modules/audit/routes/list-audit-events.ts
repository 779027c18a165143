import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AUDIT_PERMISSIONS, AuditEventListSchema, AuditEventQuerySchema } from '../contract.js';
import { filtersFromQuery } from '../services/audit-filters.js';
import { listAuditEvents } from '../services/list-audit-events.js';

export const listAuditEventsRoute = defineRoute({
  route: createRoute({
    operationId: 'listAuditEvents',
    method: 'get',
    path: '/partner/audit/events',
    tags: ['Audit'],
    summary: 'Search the audit trail',
    description:
      'Your tenant’s audit events, newest first, filtered by actor, action, target, time range and free text. Pass `nextCursor` back as `cursor` for older events.',
    request: { query: AuditEventQuerySchema },
    responses: {
      200: {
        description: 'One page of events.',
        content: { 'application/json': { schema: AuditEventListSchema } },
      },
    },
  }),
  access: requirePermission(AUDIT_PERMISSIONS.read),
  handler: async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query');
    const page = await callerTenantTx(c, (tx) =>
      listAuditEvents(tx, { ...filtersFromQuery(filters), ...(cursor ? { cursor } : {}), limit }),
    );
    return c.json(page, 200);
  },
});
