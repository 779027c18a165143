import type { Registry } from 'prom-client';
import { HotHistogram } from '../../histogram.js';
import type { Logger } from '../../logger.js';

const SLOW_REQUEST_MS = 1_000;

export type RecordRequest = (
  method: string,
  route: string | undefined,
  status: number,
  elapsedMs: number,
  requestId: string,
  url: string,
) => void;

/**
 * Reports each finished request: the Prometheus histogram by route pattern (never the raw path,
 * to bound cardinality), and a log line with the request id — error for 5xx, warn when slow,
 * debug otherwise. The durable per-request record is the request log (C5), so the process log
 * does not pay for a line per request at the default level.
 */
export function requestRecorder(log: Logger, registry: Registry): RecordRequest {
  const duration = new HotHistogram(
    'atrium_http_request_duration_seconds',
    'HTTP request duration by method, route pattern and status code.',
    ['method', 'route', 'status'],
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registry,
  );
  const known = new Map<string, ReturnType<typeof duration.series>>();
  const seriesFor = (method: string, route: string, status: number) => {
    const key = `${method} ${status} ${route}`;
    let found = known.get(key);
    if (!found) {
      found = duration.series([method, route, String(status)]);
      known.set(key, found);
    }
    return found;
  };
  return (method, route = 'unmatched', status, elapsedMs, requestId, url) => {
    duration.observe(seriesFor(method, route, status), elapsedMs / 1000);
    const level = status >= 500 ? 'error' : elapsedMs >= SLOW_REQUEST_MS ? 'warn' : 'debug';
    if (!log.isLevelEnabled(level)) return;
    const path = new URL(url).pathname;
    log[level](
      { requestId, method, path, route, status, durationMs: Math.round(elapsedMs * 100) / 100 },
      'request',
    );
  };
}
