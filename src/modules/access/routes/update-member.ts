import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenant, callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import {
  ACCESS_PERMISSIONS,
  MemberIdParamsSchema,
  MemberSchema,
  UpdateMemberRequestSchema,
} from '../contract.js';
import { changeMemberRole } from '../services/change-member-role.js';
import { requireId } from '../services/ids.js';
import { memberUser } from '../services/team-users.js';
import { callerUserId } from './caller.js';

export const updateMemberRoute = defineRoute({
  route: createRoute({
    operationId: 'updateMember',
    method: 'patch',
    path: '/partner/team/members/{memberId}',
    tags: ['Team'],
    summary: 'Change a member’s role',
    description:
      'Gives a member another role of this tenant. Only an Owner can grant or remove the Owner role, the last Owner cannot be demoted, and members other than Owners cannot change their own role.',
    request: {
      params: MemberIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: UpdateMemberRequestSchema } } },
    },
    responses: {
      200: {
        description: 'The member as they are now.',
        content: { 'application/json': { schema: MemberSchema } },
      },
      404: problemContent('No such member in this tenant.'),
      409: problemContent('The member is the last Owner.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamManage),
  handler: async (c) => {
    const memberId = requireId('member', c.req.valid('param').memberId, 'member');
    const roleId = fromPublicId('role', c.req.valid('json').roleId);
    const user = await memberUser(c.env.services, callerTenant(c), memberId);
    const member = await callerTenantTx(c, (tx) =>
      changeMemberRole(tx, { memberId, user, roleId, callerId: callerUserId(c), actor: requestActor(c) }),
    );
    return c.json(member, 200);
  },
});
