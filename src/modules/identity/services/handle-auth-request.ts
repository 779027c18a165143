import type { Context } from 'hono';
import { buildProblem, codeForStatus, PROBLEM_CONTENT_TYPE } from '../../../kernel/http/problem.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import { authFor, CLIENT_IP_HEADER } from './auth.js';

/** Hands a request under /partner/auth to better-auth, with the client address it keys limits on. */
export async function handleAuthRequest(c: Context<AppEnv>, request = c.req.raw): Promise<Response> {
  const headers = new Headers(request.headers);
  // Overwritten whatever the client sent: only the socket address (or a proxy's, later) counts.
  headers.set(CLIENT_IP_HEADER, c.env.incoming?.socket.remoteAddress ?? 'unknown');
  const auth = await authFor(c.env.services);
  const response = await auth.handler(new Request(request, { headers }));
  return response.status >= 400 ? asProblem(response, c.env.requestId) : response;
}

/**
 * better-auth answers errors as `{ code, message }`; Atrium answers every error as problem+json.
 * better-auth's own code stays available as `reason` (e.g. INVALID_EMAIL_OR_PASSWORD).
 */
async function asProblem(response: Response, requestId: string): Promise<Response> {
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  const detail =
    typeof body.message === 'string' && body.message ? body.message : response.statusText || 'Refused.';
  const problem = {
    ...buildProblem(codeForStatus(response.status), detail, requestId),
    ...(typeof body.code === 'string' ? { reason: body.code } : {}),
  };
  const headers = new Headers(response.headers);
  headers.set('content-type', PROBLEM_CONTENT_TYPE);
  headers.delete('content-length');
  return new Response(JSON.stringify(problem), { status: response.status, headers });
}
