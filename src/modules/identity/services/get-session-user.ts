import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppServices } from '../../../kernel/context.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authSession } from '../schema.js';
import { authFor } from './auth.js';

export interface SessionUser {
  user: { id: string; email: string; name: string; emailVerified: boolean };
  session: { id: string; activeTenantId: string | null };
}

/** The user behind the request's session cookie (better-auth checks it), or undefined. */
export async function getSessionUser(c: Context<AppEnv>): Promise<SessionUser | undefined> {
  if (!c.req.header('cookie')) return undefined;
  const auth = await authFor(c.env.services);
  const found = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!found) return undefined;
  const { user, session } = found;
  const activeTenantId = (session as { activeTenantId?: string | null }).activeTenantId ?? null;
  return {
    user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified },
    session: { id: session.id, activeTenantId },
  };
}

/** Records which tenant a session works in (the tenant switcher); membership is checked by the caller. */
export async function setActiveTenant(
  services: AppServices,
  sessionId: string,
  tenantId: string,
): Promise<void> {
  await services.db
    .update(authSession)
    .set({ activeTenantId: tenantId })
    .where(eq(authSession.id, sessionId));
}
