import type { Context, MiddlewareHandler } from 'hono';
import { problemResponse } from '../problem.js';
import type { Access, AppEnv, Principal } from '../route.js';
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
    const principal = c.get('principal') ?? (await authenticate(c));
    c.set('principal', principal);
    if (!principal) {
      return problemResponse(c, 'unauthenticated', 'Sign in or send an API key to use this operation.', {
        headers,
      });
    }
    if (access.kind === 'permission' && !principal.permissions.has(access.permission)) {
      return problemResponse(c, 'forbidden', `This operation needs the "${access.permission}" permission.`, {
        headers,
      });
    }
    await next();
    if (!preset) addMissingHeaders(c.res, PRIVATE_HEADERS);
  };
}

/** Asks each enabled module's authenticators in turn (session cookie, API key, …) who is calling. */
async function authenticate(c: Context<AppEnv>): Promise<Principal | undefined> {
  for (const module of c.env.services.modules) {
    for (const authenticator of module.authenticators) {
      const principal = await authenticator(c);
      if (principal) return principal;
    }
  }
  return undefined;
}
