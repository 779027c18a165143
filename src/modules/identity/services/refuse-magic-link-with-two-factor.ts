import type { APIError as APIErrorClass } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { authUser } from '../schema.js';

const MAGIC_LINK_VERIFY = '/magic-link/verify';

/**
 * better-auth's two-factor plugin only intercepts password sign-in: a magic link would hand a full
 * session to a user who protects their account with a second factor (research doc, pitfall P2).
 * This session hook refuses it; the user signs in with password and code instead.
 */
export function refuseMagicLinkWithTwoFactor(db: NodePgDatabase, APIError: typeof APIErrorClass) {
  return async (session: { userId: string }, context: { path?: string } | null) => {
    if (context?.path !== MAGIC_LINK_VERIFY) return;
    const [user] = await db
      .select({ twoFactorEnabled: authUser.twoFactorEnabled })
      .from(authUser)
      .where(eq(authUser.id, session.userId));
    if (!user?.twoFactorEnabled) return;
    throw new APIError('FORBIDDEN', {
      code: 'TWO_FACTOR_REQUIRED',
      message: 'This account uses two-factor authentication: sign in with your password and a code instead.',
    });
  };
}
