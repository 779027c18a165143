import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authUser } from '../schema.js';
import { AUTH_BASE_PATH, authFor, CLIENT_IP_HEADER } from './auth.js';
import { authErrorAsProblemError } from './auth-problem.js';
import { inboxProvenScope } from './verification-mail-scope.js';

export interface SignUpResult {
  /** The new user, or undefined when the email already had an account. */
  userId: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs a user up through better-auth's own endpoint, so its validation, rate limit (keyed on the
 * caller's address) and verification mail apply exactly as for `POST /partner/auth/sign-up/email`.
 * Answers the new user's id, or undefined when the email already had an account: better-auth then
 * answers a made-up user so that nobody learns which emails exist; the caller must answer the same
 * way in both cases. Refusals are thrown as ProblemError.
 */
export async function signUpWithPassword(
  c: Context<AppEnv>,
  input: { name: string; email: string; password: string },
  /** `inboxProven`: the caller verifies the email itself (an invitation link): no verification mail. */
  options: { inboxProven?: boolean } = {},
): Promise<SignUpResult> {
  if (options.inboxProven) return inboxProvenScope.run(true, () => signUpWithPassword(c, input));
  const headers = new Headers({ 'content-type': 'application/json' });
  headers.set(CLIENT_IP_HEADER, c.env.incoming?.socket.remoteAddress ?? 'unknown');
  const userAgent = c.req.header('user-agent');
  if (userAgent) headers.set('user-agent', userAgent);
  const auth = await authFor(c.env.services);
  const response = await auth.handler(
    new Request(new URL(`${AUTH_BASE_PATH}/sign-up/email`, c.req.url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: input.name, email: input.email, password: input.password }),
    }),
  );
  if (!response.ok) throw await authErrorAsProblemError(response);
  const body = (await response.json()) as { user?: { id?: unknown } };
  const id = typeof body.user?.id === 'string' ? body.user.id : undefined;
  if (!id || !UUID.test(id)) return { userId: undefined };
  const [existing] = await c.env.services.db
    .select({ id: authUser.id })
    .from(authUser)
    .where(eq(authUser.id, id));
  return { userId: existing?.id };
}
