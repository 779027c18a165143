import { OpenAPIHono } from '@hono/zod-openapi';
import { handleError, type NotFoundFallback, notFoundHandler, validationHook } from './errors.js';
import type { AppEnv } from './route.js';

/**
 * The router: validation and problem+json errors (404, 405, 500). Modules' routes are mounted on
 * it by the server; what surrounds every request lives in the request edge (edge.ts).
 */
export function createHttpApp(options: { fallback?: NotFoundFallback } = {}): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(handleError);
  app.notFound(notFoundHandler(app, options.fallback));
  return app;
}
