import type { MiddlewareHandler } from 'hono';
import { Histogram, type Registry } from 'prom-client';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../route.js';

/**
 * Times every request once and reports it twice: a JSON log line carrying the request id, and the
 * Prometheus histogram labelled by route pattern (never the raw path, to bound cardinality).
 */
export function observe(log: Logger, registry: Registry): MiddlewareHandler<AppEnv> {
  const duration = new Histogram({
    name: 'atrium_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  return async (c, next) => {
    const started = performance.now();
    const requestLog = log.child({ requestId: c.get('requestId') });
    c.set('log', requestLog);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const status = c.res.status;
    const route = c.req.routePath || 'unmatched';
    duration.observe({ method: c.req.method, route, status: String(status) }, seconds);
    const entry = {
      method: c.req.method,
      path: c.req.path,
      route,
      status,
      durationMs: Math.round(seconds * 100_000) / 100,
    };
    if (status >= 500) requestLog.error(entry, 'request failed');
    else requestLog.info(entry, 'request');
  };
}
