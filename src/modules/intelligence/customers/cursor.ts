import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, type IdKind, toPublicId } from '../../../kernel/ids/public-id.js';

/** The row id behind a page cursor (the public id of the previous page's last row). */
export function cursorId(kind: IdKind, cursor: string): string {
  const id = fromPublicId(kind, cursor);
  if (!id) throw invalidCursor();
  return id;
}

export function invalidCursor(): ProblemError {
  const message = 'Not a cursor this API returned; start again without one.';
  return new ProblemError('validation_failed', `query.cursor: ${message}`, {
    errors: [{ path: 'query.cursor', message }],
  });
}

/** A page of `limit` rows out of `limit + 1` read, and the cursor to the next one. */
export function page<T extends { id: string }>(
  rows: T[],
  limit: number,
  kind: IdKind,
): { rows: T[]; nextCursor: string | null } {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return { rows: kept, nextCursor: rows.length > limit && last ? toPublicId(kind, last.id) : null };
}
