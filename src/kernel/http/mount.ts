import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RouteLayer } from '../module.js';
import { chain } from './chain.js';
import { handleError } from './errors.js';
import { authorize } from './middleware/authorize.js';
import { problemResponse } from './problem.js';
import type { Access, AnyRouteDefinition, AppEnv } from './route.js';
import { problemContent } from './schemas.js';

export interface MountOptions {
  bodyLimitBytes: number;
  /** Modules' middleware around other modules' operations (request log, idempotency). */
  layers?: readonly RouteLayer[];
  /** GET operations at these paths serve a dashboard page instead, to a browser navigation. */
  pages?: { paths: ReadonlySet<string>; handler: MiddlewareHandler<AppEnv> };
}

/**
 * Mounts one operation with the kernel's per-route rules: the access check and the body limit
 * (the operation's own `bodyLimitBytes`, else the configured default) where they apply
 * (zod-openapi itself refuses undeclared media types with 415), the route pattern recorded for
 * metrics, and the error responses every operation can give, documented.
 */
export function mountRoute(
  app: OpenAPIHono<AppEnv>,
  definition: AnyRouteDefinition,
  options: MountOptions,
): void {
  const { route, access, handler } = definition;
  const servesPage = route.method === 'get' && options.pages?.paths.has(route.path);
  const layers = (options.layers ?? []).filter((layer) => layer.applies(definition));
  const layer = (stage: RouteLayer['stage']) =>
    layers.filter((entry) => entry.stage === stage).map((entry) => entry.middleware);
  const middleware: MiddlewareHandler<AppEnv>[] = [
    ...(servesPage && options.pages ? [options.pages.handler] : []),
    ...layer('outer'),
    ...(access.kind === 'public' ? [] : [authorize(access)]),
    ...(route.request?.body ? [limitBody(definition.bodyLimitBytes ?? options.bodyLimitBytes)] : []),
    ...layer('inner'),
    ...asArray(route.middleware),
  ];
  const pattern: string = route.path;
  const handle = ((c, next) => {
    c.env.route = pattern;
    return handler(c, next);
  }) as MiddlewareHandler<AppEnv>;
  // The steps run as one chain (see chain.ts). zod-openapi puts its request validators between the
  // route's middleware and its handler, so an operation that validates keeps them there and its
  // handler after them; one that does not is a single handler, on Hono's fast path.
  const validates = validatesRequest(route);
  const outer = validates && middleware.length > 0 ? [chain(middleware, handleError)] : [];
  const single = validates || middleware.length === 0 ? handle : chain([...middleware, handle], handleError);
  const documented: RouteConfig = {
    ...route,
    middleware: outer,
    security: securityOf(access),
    ...(access.kind === 'permission' ? { 'x-atrium-permission': access.permission } : {}),
    responses: { ...standardResponses(route, access.kind), ...route.responses },
  };
  app.openapi(documented, single as RouteHandler<RouteConfig, AppEnv>);
}

/** Whether zod-openapi validates any part of the operation's request. */
function validatesRequest(route: RouteConfig): boolean {
  const request = route.request;
  return Boolean(request?.body || request?.query || request?.params || request?.headers || request?.cookies);
}

function securityOf(access: Access): RouteConfig['security'] {
  if (access.kind === 'public') return [];
  if (access.credentials === 'api_key') return [{ apiKey: [] }];
  return [{ session: [] }, { apiKey: [] }];
}

function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      problemResponse(c, 'payload_too_large', `The body exceeds the limit of ${maxSize} bytes.`),
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function standardResponses(route: RouteConfig, access: Access['kind']): RouteConfig['responses'] {
  const request = route.request;
  const validates = validatesRequest(route);
  return {
    ...(validates
      ? { 400: problemContent('The request failed validation; `errors` lists each field.') }
      : {}),
    ...(access === 'public' ? {} : { 401: problemContent('No valid session or API key.') }),
    ...(access === 'permission'
      ? { 403: problemContent('The caller lacks the permission this operation needs.') }
      : {}),
    ...(request?.body ? { 413: problemContent('The body is larger than the configured limit.') } : {}),
    ...(request?.body
      ? { 415: problemContent('The body has a content type this operation does not accept.') }
      : {}),
    500: problemContent('An unexpected failure; the response carries the request id.'),
  };
}
