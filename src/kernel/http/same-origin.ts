import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './route.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origins the dashboard is served from: the public URL, and the Vite dev server outside production. */
export function trustedOrigins(config: Config): string[] {
  const publicUrl = config.ATRIUM_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const dev = config.NODE_ENV === 'production' ? [] : ['http://localhost:5173'];
  return [new URL(publicUrl).origin, ...dev];
}

/**
 * CSRF defence for cookie-authenticated changes: a change must come from a page of this origin.
 * Browsers send `Origin` on every cross-origin request and on same-origin POST/PUT/PATCH/DELETE,
 * so a request without it (and without a `Referer`) is refused too. The request's own origin is
 * accepted beside the configured ones so a server reached by another name (127.0.0.1) still works.
 */
export function isSameOriginChange(c: Context<AppEnv>): boolean {
  if (SAFE_METHODS.has(c.req.method)) return true;
  const source = c.req.header('origin') ?? refererOrigin(c.req.header('referer'));
  if (!source || source === 'null') return false;
  const own = new URL(c.req.url).origin;
  return source === own || trustedOrigins(c.env.services.config).includes(source);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
