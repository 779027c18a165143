import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { authorize } from './middleware/authorize.js';
import type { AnyRouteDefinition, AppEnv } from './route.js';
import { problemContent } from './schemas.js';

/**
 * Mounts one operation with the kernel's cross-cutting rules attached: the access check, and the
 * error responses every operation can give, documented in OpenAPI.
 */
export function mountRoute(app: OpenAPIHono<AppEnv>, definition: AnyRouteDefinition): void {
  const { route, access } = definition;
  // zod-openapi itself refuses undeclared body media types with 415 (mapped to problem+json).
  const middleware = [...(access.kind === 'public' ? [] : [authorize(access)]), ...asArray(route.middleware)];
  const documented: RouteConfig = {
    ...route,
    middleware,
    ...(access.kind === 'permission'
      ? { 'x-atrium-permission': access.permission, security: [{ session: [] }, { apiKey: [] }] }
      : { security: [] }),
    responses: { ...standardResponses(route, access.kind === 'permission'), ...route.responses },
  };
  app.openapi(documented, definition.handler);
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function standardResponses(route: RouteConfig, guarded: boolean): RouteConfig['responses'] {
  const request = route.request;
  const validates = Boolean(request?.body || request?.query || request?.params || request?.headers);
  return {
    ...(validates
      ? { 400: problemContent('The request failed validation; `errors` lists each field.') }
      : {}),
    ...(guarded
      ? {
          401: problemContent('No valid session or API key.'),
          403: problemContent('The caller lacks the permission this operation needs.'),
        }
      : {}),
    ...(request?.body ? { 413: problemContent('The body is larger than the configured limit.') } : {}),
    ...(request?.body
      ? { 415: problemContent('The body has a content type this operation does not accept.') }
      : {}),
    500: problemContent('An unexpected failure; the response carries the request id.'),
  };
}
