import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenant } from '../../../kernel/http/tenant-context.js';
import { AUDIT_PERMISSIONS, AuditChainReportSchema } from '../contract.js';
import { verifyAuditChain } from '../services/verify-audit-chain.js';

export const verifyAuditChainRoute = defineRoute({
  route: createRoute({
    operationId: 'verifyAuditChain',
    method: 'get',
    path: '/partner/audit/verify',
    tags: ['Audit'],
    summary: 'Verify the audit chain',
    description:
      'Recomputes every hash of your tenant’s audit chain, oldest first, and reports the first broken link: an event changed after it was written, one that does not link to its predecessor, or missing events before it.',
    responses: {
      200: {
        description: 'The verification report (a broken chain is still a 200: the check itself worked).',
        content: {
          'application/json': {
            schema: AuditChainReportSchema,
            examples: {
              intact: { summary: 'Intact', value: { ok: true, events: 42 } },
              broken: {
                summary: 'Broken',
                value: {
                  ok: false,
                  events: 6,
                  brokenAt: { id: 'aud_01jf8z6x3m4r5t6v7w8x9y0z1a', seq: 7, reason: 'hash_mismatch' },
                },
              },
            },
          },
        },
      },
    },
  }),
  access: requirePermission(AUDIT_PERMISSIONS.read),
  handler: async (c) => c.json(await verifyAuditChain(c.env.services, callerTenant(c)), 200),
});
