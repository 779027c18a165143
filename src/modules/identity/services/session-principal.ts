import type { Context } from 'hono';
import type { AppEnv, Principal } from '../../../kernel/http/route.js';
import { authFor } from './auth.js';

/**
 * The signed-in user behind a session cookie. Tenant and permissions come with tenancy and roles;
 * until then a session proves who the user is and nothing more.
 */
export async function sessionPrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  if (!c.req.header('cookie')) return undefined;
  const auth = await authFor(c.env.services);
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return undefined;
  return { kind: 'user', id: session.user.id, tenantId: null, permissions: new Set() };
}
