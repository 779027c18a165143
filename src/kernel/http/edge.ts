import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppServices } from '../context.js';
import { type RecordRequest, requestRecorder } from './middleware/observe.js';
import { resolveRequestId } from './middleware/request-id.js';
import { addMissingHeaders, type HeaderList, presetHeaders } from './middleware/response-headers.js';
import { API_HEADERS, HSTS_HEADERS } from './middleware/security-headers.js';
import type { AppEnv, RequestBindings } from './route.js';

export type FetchHandler = (request: Request, env?: Partial<HttpBindings>) => Response | Promise<Response>;

interface InFlight {
  request: Request;
  env: RequestBindings;
  started: number;
  /** Headers already on Node's outgoing message; otherwise they are added to the Response. */
  preset: boolean;
}

/**
 * The request edge: what happens around every request before routing and after the response —
 * request id, services, security headers, timing, metrics and logging. It wraps the router's
 * fetch instead of being a Hono middleware because a middleware on every route puts each request
 * on Hono's compose path and @hono/node-server's slow path (`npm run bench:http` measured a single
 * no-op middleware at ~25% of a trivial route's throughput). Per-route concerns (access, body
 * limits, validation) stay Hono middleware, on the routes that need them. A synchronous answer
 * allocates no closure on the way.
 */
export function createFetchHandler(app: Hono<AppEnv>, services: AppServices): FetchHandler {
  const security: HeaderList = services.config.ATRIUM_PUBLIC_URL?.startsWith('https:')
    ? [...API_HEADERS, ...HSTS_HEADERS]
    : API_HEADERS;
  const record = requestRecorder(services.log, services.metrics);
  const finish = (flight: InFlight, response: Response): Response => {
    const { env } = flight;
    if (!flight.preset) {
      addMissingHeaders(response, security);
      response.headers.set('x-request-id', env.requestId);
    }
    report(record, flight, response.status);
    return response;
  };
  return (request, nodeEnv) => {
    const started = performance.now();
    const requestId = resolveRequestId(request, nodeEnv?.incoming);
    const outgoing = nodeEnv?.outgoing;
    const preset =
      presetHeaders(outgoing, security) && presetHeaders(outgoing, [['x-request-id', requestId]]);
    const env = (nodeEnv ?? {}) as RequestBindings;
    env.services = services;
    env.requestId = requestId;
    const flight: InFlight = { request, env, started, preset };
    const result = app.fetch(request, env);
    return result instanceof Promise ? result.then(finish.bind(null, flight)) : finish(flight, result);
  };
}

function report(record: RecordRequest, flight: InFlight, status: number): void {
  const { request, env } = flight;
  record(request.method, env.route, status, performance.now() - flight.started, env.requestId, request.url);
}
