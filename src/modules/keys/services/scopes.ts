import { ProblemError } from '../../../kernel/http/problem.js';

/**
 * A key gets only tenant permissions from the catalogue, and only ones its creator holds: a key
 * never does more than the person who made it.
 */
export function checkScopes(
  scopes: readonly string[],
  catalogue: ReadonlySet<string>,
  held: ReadonlySet<string>,
): void {
  const unknown = scopes.filter((scope) => !catalogue.has(scope));
  if (unknown.length > 0) {
    const message = `Not a tenant permission: ${unknown.join(', ')}.`;
    throw new ProblemError('validation_failed', `body.scopes: ${message}`, {
      errors: [{ path: 'body.scopes', message }],
    });
  }
  const missing = scopes.filter((scope) => !held.has(scope));
  if (missing.length > 0) {
    throw new ProblemError(
      'forbidden',
      `A key cannot have permissions you do not hold yourself: ${missing.join(', ')}.`,
    );
  }
}
