import type { MiddlewareHandler } from 'hono';
import type { HeaderList } from './response-headers.js';

/**
 * Every response: no MIME sniffing, so JSON is never rendered as a document. Each header costs
 * bytes on every response (~700 bytes of headers cost ~40% throughput in `npm run bench:http`),
 * so each kind of response carries what protects it: pages add the browser set below (CSP
 * included), and guarded operations add PRIVATE_HEADERS.
 */
export const API_HEADERS: HeaderList = [['x-content-type-options', 'nosniff']];

/** Answers that carry a caller's data are never stored by a browser or shared cache. */
export const PRIVATE_HEADERS: HeaderList = [['cache-control', 'no-store']];

export const HSTS_HEADERS: HeaderList = [
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
];

/** Pages (dashboard, API reference): the browser hardening set, strict CSP without inline scripts. */
export const PAGE_HEADERS: HeaderList = [
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
      "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
      "form-action 'self'",
  ],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
];

/** For routes that serve HTML: the browser set replaces the API headers. */
export function pageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of PAGE_HEADERS) c.res.headers.set(name, value);
  };
}
