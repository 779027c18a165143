import { ProblemError } from '@web/api/problem';

/** A 400 problem's field errors by field (`email`, `roleId`), the first message per field. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ProblemError)) return {};
  const byField: Record<string, string> = {};
  for (const { path, message } of error.errors) {
    byField[path.replace(/^body\.?/, '')] ??= message;
  }
  return byField;
}

/** What to say about a failure no field explains (a conflict, a refusal, a lost connection). */
export function formError(error: unknown, fields: Record<string, string> = {}): string | undefined {
  if (!error) return undefined;
  if (error instanceof ProblemError) {
    if (Object.keys(fields).length > 0 && error.code === 'validation_failed') return undefined;
    return error.detail ?? error.title;
  }
  if (error instanceof TypeError) return 'Atrium could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
