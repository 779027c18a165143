import { createRoute } from '@hono/zod-openapi';
import { clientIp } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { signUpByInvitation } from '../../access/index.js';
import { signUpWithPassword } from '../../identity/index.js';
import { SignUpRequestSchema, SignUpResponseSchema } from '../contract.js';
import { createTenant } from '../services/create-tenant.js';

export const signUpRoute = defineRoute({
  route: createRoute({
    operationId: 'signUp',
    method: 'post',
    path: '/partner/signup',
    tags: ['Tenancy'],
    summary: 'Sign up',
    description:
      'Creates an account and a tenant with the new user as its Owner, and mails a verification link. The answer is the same when the address already has an account, so nobody can probe which addresses do. With `invitationToken` instead of `organisationName`, the account joins the inviting tenant: the address must be the invited one, it counts as verified (the link proves the inbox), and the answer is `joined`; a link that is not valid creates nothing. Sign-up is throttled per client address.',
    request: {
      body: { required: true, content: { 'application/json': { schema: SignUpRequestSchema } } },
    },
    responses: {
      202: {
        description: 'Accepted: check the inbox, or (`joined`) sign in.',
        content: { 'application/json': { schema: SignUpResponseSchema } },
      },
      403: problemContent('The invitation was sent to another address.'),
      404: problemContent('The invitation link is not (or no longer) valid.'),
      409: problemContent('Through an invitation: the address already has an account (sign in to accept).'),
      429: problemContent('Too many sign-ups from this address; retry later.'),
    },
  }),
  access: publicAccess,
  handler: async (c) => {
    const body = c.req.valid('json');
    if (body.invitationToken !== undefined) {
      if (body.organisationName !== undefined) {
        throw new ProblemError('validation_failed', 'Either create an organisation or join by invitation.', {
          errors: [
            { path: 'body.organisationName', message: 'Leave it out when signing up through an invitation.' },
          ],
        });
      }
      await signUpByInvitation(c, {
        name: body.name,
        email: body.email,
        password: body.password,
        token: body.invitationToken,
      });
      return c.json({ status: 'joined' as const, email: body.email }, 202);
    }
    const created = await signUpWithPassword(c, {
      name: body.name,
      email: body.email,
      password: body.password,
    });
    if (created.userId && body.organisationName) {
      await createTenant(c.env.services, {
        name: body.organisationName,
        type: 'other',
        owner: { userId: created.userId, label: body.email },
        actor: {
          type: 'user',
          id: created.userId,
          label: body.email,
          ip: clientIp(c),
          userAgent: c.req.header('user-agent') ?? null,
          requestId: c.env.requestId,
        },
      });
    }
    return c.json({ status: 'verification_sent' as const, email: body.email }, 202);
  },
});
