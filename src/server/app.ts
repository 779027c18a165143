import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppServices } from '../kernel/context.js';
import { createHttpApp } from '../kernel/http/app.js';
import { createFetchHandler, type FetchHandler } from '../kernel/http/edge.js';
import { mountRoute } from '../kernel/http/mount.js';
import type { AppEnv } from '../kernel/http/route.js';
import { mountDocs } from './docs.js';
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.js';
import { WEB_DIST_DIR } from './paths.js';
import { operatorPages, webFallback } from './web.js';

export interface BuildAppOptions {
  /** Serve the built dashboard (off for API-only tests and the OpenAPI generator). */
  web?: boolean;
}

export interface BuiltApp {
  router: OpenAPIHono<AppEnv>;
  /** The entry point for every request: the request edge around the router. */
  fetch: FetchHandler;
}

/** The whole HTTP surface: every enabled module's routes, the OpenAPI document, docs, dashboard. */
export function buildApp(services: AppServices, options: BuildAppOptions = {}): BuiltApp {
  const router = createHttpApp(options.web === false ? {} : { fallback: webFallback(WEB_DIST_DIR) });
  registerSecuritySchemes(router);
  if (options.web !== false) router.use('/operator/*', operatorPages(WEB_DIST_DIR));
  const mountOptions = { bodyLimitBytes: services.config.ATRIUM_BODY_LIMIT_BYTES };
  for (const module of services.modules) {
    for (const route of module.routes) mountRoute(router, route, mountOptions);
    for (const handler of module.handlers) router.on([...handler.methods], handler.path, handler.handle);
  }
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  router.get('/openapi.json', async (c) => {
    document ??= buildOpenApiDocument(router, services.modules);
    return c.json(await document);
  });
  mountDocs(router);
  return { router, fetch: createFetchHandler(router, services) };
}
