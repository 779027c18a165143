import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authFor } from './auth.js';

export interface SessionUser {
  user: { id: string; email: string; name: string; emailVerified: boolean };
  session: { id: string; activeTenantId: string | null };
}

/**
 * The user and session behind the request's session cookie, or undefined. Two indexed SELECTs
 * (session by token, user by id); no cookie means no query and no loading of better-auth.
 */
export async function getSessionUser(c: Context<AppEnv>): Promise<SessionUser | undefined> {
  if (!c.req.header('cookie')) return undefined;
  const auth = await authFor(c.env.services);
  const found = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!found) return undefined;
  const { user, session } = found;
  return {
    user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified },
    session: { id: session.id, activeTenantId: session.activeTenantId ?? null },
  };
}
