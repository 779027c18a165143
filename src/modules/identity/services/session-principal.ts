import type { Context } from 'hono';
import type { AppEnv, Principal } from '../../../kernel/http/route.js';
import { getSessionUser } from './get-session-user.js';

/**
 * The signed-in user behind a session cookie. Tenant and permissions come with tenancy and roles
 * (the access module's authenticator); until then a session proves who the user is and nothing more.
 */
export async function sessionPrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const found = await getSessionUser(c);
  if (!found) return undefined;
  return { kind: 'user', id: found.user.id, tenantId: null, permissions: new Set() };
}
