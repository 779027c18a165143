import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { ProblemError } from '../../../kernel/http/problem.js';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { CurrentUserSchema } from '../contract.js';
import { authUser } from '../schema.js';

export const getCurrentUserRoute = defineRoute({
  route: createRoute({
    operationId: 'getCurrentUser',
    method: 'get',
    path: '/partner/me',
    tags: ['Identity'],
    summary: 'The signed-in user',
    description: 'Who the session belongs to. Sign in through `POST /partner/auth/sign-in/email`.',
    responses: {
      200: { description: 'The user.', content: { 'application/json': { schema: CurrentUserSchema } } },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    if (principal?.kind !== 'user')
      throw new ProblemError('forbidden', 'Only a signed-in user has an account.');
    const [user] = await c.env.services.db.select().from(authUser).where(eq(authUser.id, principal.id));
    if (!user) throw new ProblemError('unauthenticated', 'The session’s user no longer exists.');
    return c.json(
      {
        id: user.id,
        email: user.email,
        name: user.name,
        emailVerified: user.emailVerified,
        twoFactorEnabled: user.twoFactorEnabled ?? false,
        createdAt: user.createdAt.toISOString(),
      },
      200,
    );
  },
});
