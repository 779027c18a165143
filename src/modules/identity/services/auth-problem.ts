import {
  buildProblem,
  codeForStatus,
  PROBLEM_CONTENT_TYPE,
  ProblemError,
} from '../../../kernel/http/problem.js';

interface AuthError {
  status: number;
  /** better-auth's own code, e.g. INVALID_EMAIL_OR_PASSWORD. */
  reason: string | undefined;
  detail: string;
  headers: Headers;
}

/** better-auth answers errors as `{ code, message }`; this reads one (or whatever else came). */
async function readAuthError(response: Response): Promise<AuthError> {
  const body = (await response.json().catch(() => ({}))) as { code?: unknown; message?: unknown };
  const headers = new Headers(response.headers);
  // better-auth names it X-Retry-After; clients and proxies know the standard name.
  const retryAfter = headers.get('x-retry-after');
  if (retryAfter) headers.set('retry-after', retryAfter);
  return {
    status: response.status,
    reason: typeof body.code === 'string' ? body.code : undefined,
    detail:
      typeof body.message === 'string' && body.message ? body.message : response.statusText || 'Refused.',
    headers,
  };
}

/** Atrium answers every error as problem+json; better-auth's code stays available as `reason`. */
export async function authErrorAsProblem(response: Response, requestId: string): Promise<Response> {
  const error = await readAuthError(response);
  return problemResponseFor(error, requestId);
}

export function problemResponseFor(error: AuthError, requestId: string): Response {
  const problem = {
    ...buildProblem(codeForStatus(error.status), error.detail, requestId),
    ...(error.reason ? { reason: error.reason } : {}),
  };
  const headers = new Headers(error.headers);
  headers.set('content-type', PROBLEM_CONTENT_TYPE);
  headers.delete('content-length');
  return new Response(JSON.stringify(problem), { status: error.status, headers });
}

/** For Atrium's own operations that call better-auth: its refusal becomes a thrown ProblemError. */
export async function authErrorAsProblemError(response: Response): Promise<ProblemError> {
  const error = await readAuthError(response);
  const retryAfter = error.headers.get('retry-after');
  return new ProblemError(codeForStatus(error.status), error.detail, {
    ...(error.reason ? { reason: error.reason } : {}),
    ...(retryAfter ? { headers: { 'retry-after': retryAfter } } : {}),
  });
}
