import { createRoute } from '@hono/zod-openapi';
import { clientIp } from '../../../kernel/http/actor.js';
import { defineRoute, publicAccess } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
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
      'Creates an account and a tenant with the new user as its Owner, and mails a verification link. The answer is the same when the address already has an account, so nobody can probe which addresses do. Sign-up is throttled per client address.',
    request: {
      body: { required: true, content: { 'application/json': { schema: SignUpRequestSchema } } },
    },
    responses: {
      202: {
        description: 'Accepted: check the inbox.',
        content: { 'application/json': { schema: SignUpResponseSchema } },
      },
      429: problemContent('Too many sign-ups from this address; retry later.'),
    },
  }),
  access: publicAccess,
  handler: async (c) => {
    const body = c.req.valid('json');
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
