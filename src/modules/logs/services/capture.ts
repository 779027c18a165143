import type { Context, MiddlewareHandler } from 'hono';
import { clientIp } from '../../../kernel/http/actor.js';
import { afterNext, chainable } from '../../../kernel/http/chain.js';
import { sentHeaders } from '../../../kernel/http/middleware/response-headers.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import type { CapturedRequest } from './entry.js';
import type { HeaderSource } from './redact.js';
import type { RequestLogWriter } from './writer.js';

type Respond = (...args: never[]) => Response;

/**
 * The request log's route layer. It sees the final response (refusals included) and hands the
 * writer what it needs; nothing here waits for the database. Bodies are taken where they are
 * produced — the object given to `c.json`, the text given to `c.body` — instead of cloning the
 * response, and the request body from Hono's parse cache, so capture stays cheap on the hot path.
 * Requests without a tenant (anonymous, operator staff) have no one to show them to and are not
 * stored; the process log still has them.
 */
export function captureLayer(
  writerOf: (c: Context<AppEnv>) => RequestLogWriter | undefined,
): MiddlewareHandler<AppEnv> {
  return chainable((c, next) => {
    // Logging off: nothing to wrap or record.
    if (!writerOf(c)) return next() as undefined | Promise<undefined>;
    const started = performance.now();
    let responseBody: unknown = null;
    const json = c.json as unknown as Respond;
    const body = c.body as unknown as Respond;
    const mutable = c as unknown as { json: Respond; body: Respond };
    mutable.json = (...args) => {
      responseBody = args[0];
      return json(...args);
    };
    mutable.body = (...args) => {
      responseBody = args[0];
      return body(...args);
    };
    return afterNext(next(), () => record(c, writerOf, started, responseBody));
  });
}

/** Hands the writer the finished request's entry, unless it has no tenant to show it to. */
function record(
  c: Context<AppEnv>,
  writerOf: (c: Context<AppEnv>) => RequestLogWriter | undefined,
  started: number,
  responseBody: unknown,
): undefined | Promise<undefined> {
  const principal = c.get('principal');
  const writer = principal?.tenantId ? writerOf(c) : undefined;
  if (!writer || !principal?.tenantId) return;
  const now = Date.now();
  const path = c.req.path;
  const entry: CapturedRequest = {
    id: uuidv7(now),
    createdAt: new Date(now),
    tenantId: principal.tenantId,
    appId: principal.appId ?? null,
    keyId: principal.keyId ?? null,
    userId: principal.userId ?? null,
    requestId: c.env.requestId,
    surface: path.startsWith('/v1/') ? 'public' : 'partner',
    method: c.req.method,
    path,
    route: c.env.route ?? c.req.routePath,
    status: c.res.status,
    latencyMs: performance.now() - started,
    ip: clientIp(c),
    userAgent: c.req.header('user-agent') ?? null,
    requestHeaders: requestHeaders(c),
    responseHeaders: responseHeaders(c),
    requestBody: requestBody(c),
    responseBody: storableBody(responseBody),
  };
  // Most requests read no body: their entry goes at once, without a turn of the event loop.
  if (!(entry.requestBody instanceof Promise)) return void writer.push(entry);
  return entry.requestBody.then((settled) => {
    entry.requestBody = settled;
    writer.push(entry);
    return undefined;
  });
}

/** The body the operation read (parsed JSON or text, settled by now); an unread body is left alone. */
function requestBody(c: Context<AppEnv>): unknown {
  const cache = c.req.bodyCache as { json?: Promise<unknown>; text?: Promise<string> };
  if (cache.json) return cache.json.catch(() => null);
  if (cache.text) return cache.text.catch(() => null);
  return null;
}

/**
 * The response's headers, read when the row is prepared: on Node from the outgoing message, which
 * by then knows every header the client got (the edge's security headers and request id included);
 * reading them from Hono's response would build a full Response object per request.
 */
function responseHeaders(c: Context<AppEnv>): HeaderSource {
  const outgoing = c.env.outgoing;
  return outgoing ? () => sentHeaders(outgoing) : lazyHeaders(c.res);
}

/** Text, arrays and plain objects are kept; a stream or bytes (a download) is only described. */
function storableBody(body: unknown): unknown {
  if (typeof body === 'string' || Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    return Object.getPrototypeOf(body) === Object.prototype ? body : '[streamed or binary body]';
  }
  return null;
}

/**
 * The request's headers, read when the row is prepared: from Node's raw header list when there is
 * one (building a Headers object per request costs more than the rest of the capture).
 */
function requestHeaders(c: Context<AppEnv>): HeaderSource {
  const raw = c.env.incoming?.rawHeaders;
  if (!raw?.length) return lazyHeaders(c.req.raw);
  return {
    *[Symbol.iterator]() {
      for (let index = 0; index + 1 < raw.length; index += 2) {
        yield [(raw[index] as string).toLowerCase(), raw[index + 1] as string];
      }
    },
  };
}

/** A message's headers, read only when iterated (when the row is prepared, after the response). */
function lazyHeaders(message: { headers: Headers }): Iterable<[string, string]> {
  return { [Symbol.iterator]: () => message.headers[Symbol.iterator]() };
}
