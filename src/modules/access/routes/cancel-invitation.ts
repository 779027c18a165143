import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, InvitationIdParamsSchema } from '../contract.js';
import { cancelInvitation } from '../services/cancel-invitation.js';
import { requireId } from '../services/ids.js';

export const cancelInvitationRoute = defineRoute({
  route: createRoute({
    operationId: 'cancelInvitation',
    method: 'delete',
    path: '/partner/team/invitations/{invitationId}',
    tags: ['Team'],
    summary: 'Cancel an invitation',
    description: 'Cancels a pending or expired invitation; its link stops working at once.',
    request: { params: InvitationIdParamsSchema },
    responses: {
      204: { description: 'Cancelled.' },
      404: problemContent('No such invitation in this tenant.'),
      409: problemContent('The invitation was already accepted or cancelled.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamManage),
  handler: async (c) => {
    const invitationId = requireId('invitation', c.req.valid('param').invitationId, 'invitation');
    await callerTenantTx(c, (tx) => cancelInvitation(tx, { invitationId, actor: requestActor(c) }));
    return c.body(null, 204);
  },
});
