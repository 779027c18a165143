import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppServices } from '../kernel/context.js';
import { createHttpApp } from '../kernel/http/app.js';
import { mountRoute } from '../kernel/http/mount.js';
import type { AppEnv } from '../kernel/http/route.js';
import { mountDocs } from './docs.js';
import { buildOpenApiDocument, registerSecuritySchemes } from './openapi.js';
import { WEB_DIST_DIR } from './paths.js';
import { mountWeb } from './web.js';

export interface BuildAppOptions {
  /** Serve the built dashboard (off for API-only tests and the OpenAPI generator). */
  web?: boolean;
}

/** The whole HTTP surface: every enabled module's routes, the OpenAPI document, docs, dashboard. */
export function buildApp(services: AppServices, options: BuildAppOptions = {}): OpenAPIHono<AppEnv> {
  const app = createHttpApp({ services, metrics: services.metrics });
  registerSecuritySchemes(app);
  for (const module of services.modules) {
    for (const route of module.routes) mountRoute(app, route);
  }
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument(app);
    return c.json(document);
  });
  mountDocs(app);
  if (options.web !== false) mountWeb(app, WEB_DIST_DIR);
  return app;
}
