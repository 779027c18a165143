import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import { AUTH_BASE_PATH, authFor, CLIENT_IP_HEADER } from './auth.js';
import { authErrorAsProblem, problemResponseFor } from './auth-problem.js';
import { signInThrottleFor } from './sign-in-throttle.js';

/**
 * Redirect endpoints whose paths carry a token: `disabledPaths` matches exact paths only, and the
 * mailed links open dashboard pages instead (see auth-mail.ts).
 */
const REFUSED_PATHS = /^\/(?:reset-password|callback)\/[^/]+\/?$/;
const MAGIC_LINK_VERIFY = '/magic-link/verify';
const PASSWORD_SIGN_IN = '/sign-in/email';

/** Hands a request under /partner/auth to better-auth, with the client address it keys limits on. */
export async function handleAuthRequest(c: Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url);
  const path = url.pathname.slice(AUTH_BASE_PATH.length);
  if (REFUSED_PATHS.test(path)) {
    return problemResponseFor(
      { status: 404, reason: undefined, detail: 'No such endpoint.', headers: new Headers() },
      c.env.requestId,
    );
  }
  const email = path === PASSWORD_SIGN_IN && c.req.method === 'POST' ? await emailOf(c.req.raw) : undefined;
  const throttle = signInThrottleFor(c.env.services);
  const wait = email ? await throttle.retryAfter(email) : 0;
  if (wait > 0) {
    return problemResponseFor(
      {
        status: 429,
        reason: 'TOO_MANY_ATTEMPTS',
        detail: 'Too many failed sign-ins for this account. Try again later, or reset the password.',
        headers: new Headers({ 'retry-after': String(wait) }),
      },
      c.env.requestId,
    );
  }
  const headers = new Headers(c.req.raw.headers);
  // Overwritten whatever the client sent: only the socket address (or a proxy's, later) counts.
  headers.set(CLIENT_IP_HEADER, c.env.incoming?.socket.remoteAddress ?? 'unknown');
  const auth = await authFor(c.env.services);
  const response = await auth.handler(new Request(c.req.raw, { headers }));
  // 401 is a wrong password or an unknown email. Only a success clears the count: a 403 may come
  // before the password check (a foreign Origin), and must not let an attacker reset it.
  if (email && (response.status === 200 || response.status === 401))
    await throttle.record(email, response.status === 200);
  if (response.status >= 400) return authErrorAsProblem(response, c.env.requestId);
  const wantsJson = !url.searchParams.has('callbackURL') && !url.searchParams.has('errorCallbackURL');
  if (path === MAGIC_LINK_VERIFY && wantsJson) return magicLinkErrorAsProblem(response, c.env.requestId);
  return response;
}

/** The email a sign-in attempt names, read from a copy so better-auth still gets the body. */
async function emailOf(request: Request): Promise<string | undefined> {
  const body = (await request
    .clone()
    .json()
    .catch(() => undefined)) as { email?: unknown } | undefined;
  return typeof body?.email === 'string' && body.email ? body.email : undefined;
}

/**
 * The magic-link endpoint reports a bad token by redirecting to `/?error=…` even when the caller
 * gave no callbackURL (i.e. wants JSON, as the dashboard page does): that becomes a problem too.
 */
function magicLinkErrorAsProblem(response: Response, requestId: string): Response {
  const location = response.headers.get('location');
  const reason = location ? new URL(location, 'http://localhost').searchParams.get('error') : null;
  if (!reason) return response;
  const headers = new Headers(response.headers);
  headers.delete('location');
  return problemResponseFor(
    {
      status: 400,
      reason,
      detail: 'This sign-in link is invalid, has expired or was already used. Ask for a new one.',
      headers,
    },
    requestId,
  );
}
