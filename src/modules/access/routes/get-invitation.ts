import { createRoute } from '@hono/zod-openapi';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { InvitationPreviewSchema, InvitationTokenParamsSchema } from '../contract.js';
import { findUsableInvitation } from '../services/find-invitation-by-token.js';

export const getInvitationRoute = defineRoute({
  route: createRoute({
    operationId: 'getInvitation',
    method: 'get',
    path: '/partner/invitations/{token}',
    tags: ['Team'],
    summary: 'Look at an invitation',
    description:
      'What an invitation link offers, for the page that accepts it: the tenant, the role and the invited address. Anyone holding the link may ask; an unknown, used, cancelled, replaced or expired link is a 404.',
    request: { params: InvitationTokenParamsSchema },
    responses: {
      200: {
        description: 'The pending invitation.',
        content: { 'application/json': { schema: InvitationPreviewSchema } },
      },
      404: problemContent('The link is not (or no longer) valid.'),
    },
  }),
  access: publicAccess,
  handler: async (c) => {
    const invitation = await findUsableInvitation(c.env.services, c.req.valid('param').token);
    // Public, yet it names a person's address: no shared cache may keep it.
    c.header('cache-control', 'no-store');
    return c.json(
      {
        email: invitation.email,
        tenant: { name: invitation.tenantName },
        role: { name: invitation.roleName },
        status: 'pending' as const,
        expiresAt: invitation.expiresAt.toISOString(),
      },
      200,
    );
  },
});
