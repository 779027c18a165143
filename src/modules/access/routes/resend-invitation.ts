import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, InvitationIdParamsSchema, InvitationSchema } from '../contract.js';
import { requireId } from '../services/ids.js';
import { describeInvitations } from '../services/list-invitations.js';
import { resendInvitation } from '../services/resend-invitation.js';
import { callerUserId } from './caller.js';

export const resendInvitationRoute = defineRoute({
  route: createRoute({
    operationId: 'resendInvitation',
    method: 'post',
    path: '/partner/team/invitations/{invitationId}/resend',
    tags: ['Team'],
    summary: 'Resend an invitation',
    description:
      'Mails a new link for a pending or expired invitation: the previous link stops working and the 7-day expiry starts again.',
    request: { params: InvitationIdParamsSchema },
    responses: {
      200: {
        description: 'The invitation with its new expiry.',
        content: { 'application/json': { schema: InvitationSchema } },
      },
      404: problemContent('No such invitation in this tenant.'),
      409: problemContent('The invitation was already accepted or cancelled.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamManage),
  handler: async (c) => {
    const invitationId = requireId('invitation', c.req.valid('param').invitationId, 'invitation');
    const row = await callerTenantTx(c, (tx) =>
      resendInvitation(c.env.services, tx, {
        invitationId,
        callerId: callerUserId(c),
        actor: requestActor(c),
      }),
    );
    const [invitation] = await describeInvitations(c.env.services, [row]);
    return c.json(invitation as NonNullable<typeof invitation>, 200);
  },
});
