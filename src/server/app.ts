import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppServices } from '../kernel/context.js';
import { createHttpApp } from '../kernel/http/app.js';
import { createFetchHandler, type FetchHandler } from '../kernel/http/edge.js';
import { type MountOptions, mountRoute } from '../kernel/http/mount.js';
import { isApiPath } from '../kernel/http/reserved-paths.js';
import type { AppEnv } from '../kernel/http/route.js';
import { mountDocs } from './docs.js';
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.js';
import { WEB_DIST_DIR } from './paths.js';
import { pageOnNavigation, webFallback } from './web.js';

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
  const mountOptions: MountOptions = {
    bodyLimitBytes: services.config.ATRIUM_BODY_LIMIT_BYTES,
    layers: services.modules.flatMap((module) => module.layers),
    ...(options.web === false ? {} : { pages: pagesOnApiPaths(services.modules) }),
  };
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

/**
 * Dashboard pages whose path is also an API path (the operator console's `/operator/mailbox`): the
 * operation there serves the page to a browser navigation. Added to those operations only, as
 * route middleware, so no other request pays for the check.
 */
function pagesOnApiPaths(modules: AppServices['modules']): MountOptions['pages'] {
  const paths = new Set(modules.flatMap((module) => module.nav.map((entry) => entry.path)).filter(isApiPath));
  return { paths, handler: pageOnNavigation(WEB_DIST_DIR) };
}
