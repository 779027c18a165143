import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authUser } from '../schema.js';
import { AUTH_BASE_PATH } from './auth.js';
import { handleAuthRequest } from './handle-auth-request.js';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates a user through better-auth's own sign-up endpoint, so its password rules, rate limit and
 * verification mail apply exactly as on a direct call. For an email that already has an account
 * better-auth answers like a success with an invented user (no enumeration); `userId` is then
 * undefined and the caller must answer exactly as it does for a new user.
 */
export async function signUpWithPassword(
  c: Context<AppEnv>,
  input: SignUpInput,
): Promise<{ userId: string | undefined; failure?: Response }> {
  const url = new URL(`${AUTH_BASE_PATH}/sign-up/email`, c.req.url);
  const headers = new Headers(c.req.raw.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const request = new Request(url, { method: 'POST', headers, body: JSON.stringify(input) });
  const response = await handleAuthRequest(c, request);
  if (!response.ok) return { userId: undefined, failure: response };
  const body = (await response.json()) as { user?: { id?: string } };
  const id = body.user?.id;
  if (!id) return { userId: undefined };
  const [existing] = await c.env.services.db
    .select({ id: authUser.id })
    .from(authUser)
    .where(eq(authUser.id, id));
  return { userId: existing?.id };
}
