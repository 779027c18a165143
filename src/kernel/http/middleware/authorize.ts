import type { MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.js';
import type { Access, AppEnv } from '../route.js';
import { addMissingHeaders, presetHeaders } from './response-headers.js';
import { PRIVATE_HEADERS } from './security-headers.js';

/**
 * Enforces the access an operation declares (the UI reads the same declarations). Answers to
 * guarded operations carry a tenant's data, so no cache may store them, refusals included.
 */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  if (access.kind === 'public') return (_c, next) => next();
  const headers = Object.fromEntries(PRIVATE_HEADERS);
  return async (c, next) => {
    c.env.route = c.req.routePath;
    const preset = presetHeaders(c.env.outgoing, PRIVATE_HEADERS);
    const principal = c.get('principal');
    if (!principal) {
      return problemResponse(c, 'unauthenticated', 'Sign in or send an API key to use this operation.', {
        headers,
      });
    }
    if (!principal.permissions.has(access.permission)) {
      return problemResponse(c, 'forbidden', `This operation needs the "${access.permission}" permission.`, {
        headers,
      });
    }
    await next();
    if (!preset) addMissingHeaders(c.res, PRIVATE_HEADERS);
  };
}
