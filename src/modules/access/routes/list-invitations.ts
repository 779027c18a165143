import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, InvitationListQuerySchema, InvitationListSchema } from '../contract.js';
import { listInvitationRows } from '../services/invitation-store.js';
import { describeInvitations } from '../services/list-invitations.js';

export const listInvitationsRoute = defineRoute({
  route: createRoute({
    operationId: 'listInvitations',
    method: 'get',
    path: '/partner/team/invitations',
    tags: ['Team'],
    summary: 'List invitations',
    description:
      'The tenant’s invitations, newest first (at most 500): pending, accepted, cancelled, or expired (pending past its expiry). Filter with `status`.',
    request: { query: InvitationListQuerySchema },
    responses: {
      200: {
        description: 'The invitations.',
        content: { 'application/json': { schema: InvitationListSchema } },
      },
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamRead),
  handler: async (c) => {
    const { status } = c.req.valid('query');
    const rows = await callerTenantTx(c, (tx) => listInvitationRows(tx, status));
    const data = await describeInvitations(c.env.services, rows);
    return c.json({ data }, 200);
  },
});
