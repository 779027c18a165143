import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authFor, CLIENT_IP_HEADER } from './auth.js';

/** Hands a request under /partner/auth to better-auth, with the client address it keys limits on. */
export async function handleAuthRequest(c: Context<AppEnv>): Promise<Response> {
  const headers = new Headers(c.req.raw.headers);
  // Overwritten whatever the client sent: only the socket address (or a proxy's, later) counts.
  headers.set(CLIENT_IP_HEADER, c.env.incoming?.socket.remoteAddress ?? 'unknown');
  const auth = await authFor(c.env.services);
  return auth.handler(new Request(c.req.raw, { headers }));
}
