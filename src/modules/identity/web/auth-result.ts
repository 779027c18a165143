import { ProblemError, problemFromResponse } from '@web/api/problem';

/** A refusal of an authentication endpoint: the problem, plus better-auth's own code. */
export class AuthProblemError extends ProblemError {
  /** better-auth's code, e.g. INVALID_EMAIL_OR_PASSWORD, EMAIL_NOT_VERIFIED, INVALID_TOKEN. */
  readonly reason: string | undefined;

  constructor(problem: ProblemError, reason: string | undefined) {
    super({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      code: problem.code,
      requestId: problem.requestId,
      errors: problem.errors,
    });
    this.reason = reason;
  }
}

interface Result<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** Like `unwrap`, keeping better-auth's `reason` so a page can react to one refusal in particular. */
export function unwrapAuth<Data>(result: Result<Data>): Data {
  if (result.response.ok && result.error === undefined) return result.data as Data;
  const reason = (result.error as { reason?: unknown } | undefined)?.reason;
  throw new AuthProblemError(
    problemFromResponse(result.error, result.response),
    typeof reason === 'string' ? reason : undefined,
  );
}

export function reasonOf(error: unknown): string | undefined {
  return error instanceof AuthProblemError ? error.reason : undefined;
}

/** Field messages of a validation problem, keyed by field name (`body.email` → `email`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  return Object.fromEntries(error.errors.map((field) => [field.path.replace(/^body\./, ''), field.message]));
}
