import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenant, callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { ACCESS_PERMISSIONS, CreateInvitationRequestSchema, InvitationSchema } from '../contract.js';
import { createInvitation } from '../services/create-invitation.js';
import { describeInvitations } from '../services/list-invitations.js';
import { memberEmails } from '../services/team-users.js';
import { callerUserId } from './caller.js';

export const createInvitationRoute = defineRoute({
  route: createRoute({
    operationId: 'createInvitation',
    method: 'post',
    path: '/partner/team/invitations',
    tags: ['Team'],
    summary: 'Invite someone',
    description:
      'Invites an email address with a role of this tenant and mails a link that works once and expires in 7 days. Inviting with the Owner role takes an Owner.',
    request: {
      body: {
        required: true,
        content: { 'application/json': { schema: CreateInvitationRequestSchema } },
      },
    },
    responses: {
      201: {
        description: 'The invitation; the mail is on its way.',
        content: { 'application/json': { schema: InvitationSchema } },
      },
      409: problemContent(
        'The address is already a member, or already has a pending invitation (resend it).',
      ),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamManage),
  handler: async (c) => {
    const body = c.req.valid('json');
    const members = await memberEmails(c.env.services, callerTenant(c));
    const row = await callerTenantTx(c, (tx) =>
      createInvitation(c.env.services, tx, {
        email: body.email,
        roleId: fromPublicId('role', body.roleId),
        memberEmails: members,
        callerId: callerUserId(c),
        actor: requestActor(c),
      }),
    );
    const [invitation] = await describeInvitations(c.env.services, [row]);
    return c.json(invitation as NonNullable<typeof invitation>, 201);
  },
});
