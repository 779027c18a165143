import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';

type Kind = 'project' | 'app';

/** The UUID behind a public id; a malformed id names nothing, so it is a 404 like a missing one. */
export function uuidOrNotFound(kind: Kind, publicId: string): string {
  const id = fromPublicId(kind, publicId);
  if (!id) throw notFound(kind, publicId);
  return id;
}

/** Another tenant's object is answered exactly like a missing one: existence is not revealed. */
export function notFound(kind: Kind, publicId: string): ProblemError {
  return new ProblemError('not_found', `There is no ${kind} ${publicId.slice(0, 40)} in this tenant.`);
}
