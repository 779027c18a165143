/** One field-level failure inside a problem (`errors[]` of RFC 9457 validation problems). */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** The server's RFC 9457 problem+json body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: ProblemFieldError[];
}

/** A failed API call, carrying the server's problem so the UI can show its title, detail and request ID. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly errors: ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.code = problem.code;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function fieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is ProblemFieldError =>
      isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string',
  );
}

/**
 * Builds a ProblemError from whatever a failed response carried. Proxies and crashed upstreams
 * answer with HTML or nothing, so every field falls back to what the HTTP response itself says.
 */
export function problemFromResponse(body: unknown, response: Response): ProblemError {
  const fields = isRecord(body) ? body : {};
  const requestId =
    optionalString(fields.requestId) ??
    optionalString(response.headers.get('x-request-id')) ??
    optionalString(response.headers.get('request-id'));
  return new ProblemError({
    type: optionalString(fields.type) ?? 'about:blank',
    title: optionalString(fields.title) ?? (response.statusText || `HTTP ${response.status}`),
    status: typeof fields.status === 'number' ? fields.status : response.status,
    detail: optionalString(fields.detail),
    code: optionalString(fields.code) ?? `http_${response.status}`,
    requestId,
    errors: fieldErrors(fields.errors),
  });
}
