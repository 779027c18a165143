import { ProblemError } from '../../../kernel/http/problem.js';
import type { ModuleManifest } from '../../../kernel/module.js';
import { permissionCatalogue } from './permission-catalogue.js';

/**
 * The requested permissions, checked against the catalogue (an unknown or operator-only name is
 * a field error naming it) and returned de-duplicated in catalogue order.
 */
export function knownPermissions(modules: readonly ModuleManifest[], requested: readonly string[]): string[] {
  const catalogue: string[] = permissionCatalogue(modules).tenant.map((permission) => permission.name);
  const known = new Set<string>(catalogue);
  const errors = requested.flatMap((name, index) =>
    known.has(name) ? [] : [{ path: `body.permissions.${index}`, message: `Unknown permission "${name}".` }],
  );
  if (errors.length > 0) {
    const names = requested.filter((name) => !known.has(name)).map((name) => `"${name}"`);
    throw new ProblemError(
      'validation_failed',
      `Unknown permission${names.length > 1 ? 's' : ''} ${names.join(', ')}: roles are built from GET /partner/permissions.`,
      { errors },
    );
  }
  const wanted = new Set(requested);
  return catalogue.filter((name) => wanted.has(name));
}

/**
 * Nobody hands out more than they hold: otherwise an Admin could write a custom role with the
 * Owner's permissions and give it to themselves.
 */
export function assertCanGrant(granted: readonly string[], held: ReadonlySet<string>): void {
  const missing = granted.filter((name) => !held.has(name));
  if (missing.length > 0) {
    throw new ProblemError(
      'forbidden',
      `You cannot grant permissions you do not hold yourself: ${missing.join(', ')}.`,
    );
  }
}
