import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Registry } from 'prom-client';
import type { AppServices } from '../../context.js';
import { problemResponse } from '../problem.js';
import type { AppEnv } from '../route.js';
import { requestRecorder } from './observe.js';
import { resolveRequestId } from './request-id.js';
import { addMissingHeaders, type HeaderList, presetHeaders } from './response-headers.js';
import { API_HEADERS, HSTS_HEADERS } from './security-headers.js';

/**
 * Everything the kernel does around every request, as one middleware: request id, services,
 * security headers, body limit, metrics and logging. One layer instead of five because each
 * layer costs a closure and a promise per request on the hot path (see `npm run bench:http`).
 */
export function requestEnvelope(services: AppServices, metrics: Registry): MiddlewareHandler<AppEnv> {
  const { config } = services;
  const security: HeaderList = config.ATRIUM_PUBLIC_URL?.startsWith('https:')
    ? [...API_HEADERS, ...HSTS_HEADERS]
    : API_HEADERS;
  const record = requestRecorder(services.log, metrics);
  const limitBody = bodyLimit({
    maxSize: config.ATRIUM_BODY_LIMIT_BYTES,
    onError: (c) =>
      problemResponse(
        c,
        'payload_too_large',
        `The body exceeds the limit of ${config.ATRIUM_BODY_LIMIT_BYTES} bytes.`,
      ),
  });
  return async (c, next) => {
    const started = performance.now();
    const requestId = resolveRequestId(c);
    c.set('requestId', requestId);
    c.set('services', services);
    const idHeader: HeaderList = [['x-request-id', requestId]];
    const preset = presetHeaders(c, security, idHeader);
    // A GET's body is never read: even looking at it materialises the request object.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') await next();
    else {
      const refused = await limitBody(c, next);
      if (refused instanceof Response) c.res = refused;
    }
    if (!preset) addMissingHeaders(c, security, idHeader);
    record(c, performance.now() - started, requestId);
  };
}
