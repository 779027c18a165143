import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { AUDIT_PERMISSIONS, AuditEventIdParamsSchema, AuditEventSchema } from '../contract.js';
import { getAuditEvent } from '../services/get-audit-event.js';

export const getAuditEventRoute = defineRoute({
  route: createRoute({
    operationId: 'getAuditEvent',
    method: 'get',
    path: '/partner/audit/events/{eventId}',
    tags: ['Audit'],
    summary: 'One audit event',
    description: 'An event of your tenant’s audit trail, with its before/after data and chain hashes.',
    request: { params: AuditEventIdParamsSchema },
    responses: {
      200: { description: 'The event.', content: { 'application/json': { schema: AuditEventSchema } } },
      404: problemContent('No such event in your tenant.'),
    },
  }),
  access: requirePermission(AUDIT_PERMISSIONS.read),
  handler: async (c) => {
    const { eventId } = c.req.valid('param');
    return c.json(await callerTenantTx(c, (tx) => getAuditEvent(tx, eventId)), 200);
  },
});
