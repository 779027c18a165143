import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, type IdKind } from '../../../kernel/ids/public-id.js';

/** The UUID behind a public id; a malformed id is as unknown as a missing row (404). */
export function requireId(kind: IdKind, publicId: string, what: string): string {
  const id = fromPublicId(kind, publicId);
  if (!id) throw new ProblemError('not_found', `No such ${what}.`);
  return id;
}
