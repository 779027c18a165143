import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenant, callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, MemberIdParamsSchema } from '../contract.js';
import { requireId } from '../services/ids.js';
import { removeMember } from '../services/remove-member.js';
import { memberUser } from '../services/team-users.js';
import { callerUserId } from './caller.js';

export const removeMemberRoute = defineRoute({
  route: createRoute({
    operationId: 'removeMember',
    method: 'delete',
    path: '/partner/team/members/{memberId}',
    tags: ['Team'],
    summary: 'Remove a member',
    description:
      'Removes a member from the tenant; their sessions lose access at once. Removing an Owner takes an Owner, and the last Owner cannot be removed. To leave a tenant yourself without `team:manage`, use `POST /partner/team/leave`.',
    request: { params: MemberIdParamsSchema },
    responses: {
      204: { description: 'Removed.' },
      404: problemContent('No such member in this tenant.'),
      409: problemContent('The member is the last Owner.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamManage),
  handler: async (c) => {
    const memberId = requireId('member', c.req.valid('param').memberId, 'member');
    const user = await memberUser(c.env.services, callerTenant(c), memberId);
    await callerTenantTx(c, (tx) =>
      removeMember(tx, { memberId, user, callerId: callerUserId(c), actor: requestActor(c) }),
    );
    return c.body(null, 204);
  },
});
