import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { getSessionUser, setActiveTenant } from '../../identity/index.js';
import { AcceptedInvitationSchema, InvitationTokenParamsSchema } from '../contract.js';
import { acceptInvitation } from '../services/accept-invitation.js';

export const acceptInvitationRoute = defineRoute({
  route: createRoute({
    operationId: 'acceptInvitation',
    method: 'post',
    path: '/partner/invitations/{token}/accept',
    tags: ['Team'],
    summary: 'Accept an invitation',
    description:
      'Joins the inviting tenant with the invited role and makes it the tenant this session works in. The signed-in user’s email must be the invited one (case-insensitive). A used, cancelled, replaced or expired link is a 404 and changes nothing.',
    request: { params: InvitationTokenParamsSchema },
    responses: {
      200: {
        description: 'Joined.',
        content: { 'application/json': { schema: AcceptedInvitationSchema } },
      },
      403: problemContent('The invitation was sent to another address.'),
      404: problemContent('The link is not (or no longer) valid.'),
      409: problemContent('You are already a member of this tenant.'),
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    // The email comes from the session itself, not the principal's display label.
    const session = await getSessionUser(c);
    if (!session) throw new ProblemError('forbidden', 'Only a signed-in user can accept an invitation.');
    const { tenantId, ...accepted } = await acceptInvitation(c.env.services, {
      token: c.req.valid('param').token,
      user: { id: session.user.id, email: session.user.email },
      actor: requestActor(c),
    });
    await setActiveTenant(c.env.services, session.session.id, tenantId);
    return c.json(accepted, 200);
  },
});
