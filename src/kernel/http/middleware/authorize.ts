import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../problem.js';
import type { Access, AppEnv } from '../route.js';

/** Enforces the access an operation declares; the UI reads the same declarations. */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  if (access.kind === 'public') return (_c, next) => next();
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal)
      throw new ProblemError('unauthenticated', 'Sign in or send an API key to use this operation.');
    if (!principal.permissions.has(access.permission)) {
      throw new ProblemError('forbidden', `This operation needs the "${access.permission}" permission.`);
    }
    await next();
  };
}
