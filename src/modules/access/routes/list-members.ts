import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenant } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, MemberListSchema } from '../contract.js';
import { listMembers } from '../services/list-members.js';
import { callerUserId } from './caller.js';

export const listMembersRoute = defineRoute({
  route: createRoute({
    operationId: 'listMembers',
    method: 'get',
    path: '/partner/team/members',
    tags: ['Team'],
    summary: 'List members',
    description:
      'Everyone in the tenant: name, email, role and join date, oldest member first. People invited but not yet joined are listed by `GET /partner/team/invitations`.',
    responses: {
      200: { description: 'The members.', content: { 'application/json': { schema: MemberListSchema } } },
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamRead),
  handler: async (c) => {
    const data = await listMembers(c.env.services, { tenantId: callerTenant(c), callerId: callerUserId(c) });
    return c.json({ data }, 200);
  },
});
