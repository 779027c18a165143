import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one table of error codes. Every error response is RFC 9457 problem+json built from it, so a
 * code always means the same status and title wherever it is raised.
 */
export const problemCatalog = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  bad_request: { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Permission denied' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_acceptable: { status: 406, title: 'Not acceptable' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'The request cannot be processed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Internal server error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemCode = keyof typeof problemCatalog;

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId: string;
  errors?: FieldError[];
  /** A finer, stable cause within `code`, e.g. the authentication library's INVALID_EMAIL_OR_PASSWORD. */
  reason?: string;
}

export interface ProblemExtras {
  errors?: FieldError[];
  reason?: string;
  headers?: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Thrown anywhere in a request; the error handler turns it into the response. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

export function problemTypeUri(code: ProblemCode): string {
  return `/problems/${code.replaceAll('_', '-')}`;
}

export function buildProblem(
  code: ProblemCode,
  detail: string,
  requestId: string,
  errors?: FieldError[],
): Problem {
  const entry = problemCatalog[code];
  return {
    type: problemTypeUri(code),
    title: entry.title,
    status: entry.status,
    detail,
    code,
    requestId,
    ...(errors?.length ? { errors } : {}),
  };
}

export function problemResponse(
  c: Context,
  code: ProblemCode,
  detail: string,
  extras: ProblemExtras = {},
): Response {
  const requestId = (c.env as { requestId?: string } | undefined)?.requestId ?? 'unknown';
  const body = {
    ...buildProblem(code, detail, requestId, extras.errors),
    ...(extras.reason ? { reason: extras.reason } : {}),
  };
  return c.body(JSON.stringify(body), problemCatalog[code].status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    ...extras.headers,
  });
}

export function codeForStatus(status: number): ProblemCode {
  const match = (Object.keys(problemCatalog) as ProblemCode[]).find(
    (code) =>
      problemCatalog[code].status === status && code !== 'malformed_json' && code !== 'validation_failed',
  );
  return match ?? (status >= 500 ? 'internal_error' : 'bad_request');
}
