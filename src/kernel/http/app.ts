import { OpenAPIHono } from '@hono/zod-openapi';
import type { Registry } from 'prom-client';
import type { AppServices } from '../context.js';
import { errorHandler, notFoundHandler, validationHook } from './errors.js';
import { requestEnvelope } from './middleware/envelope.js';
import type { AppEnv } from './route.js';

export interface HttpAppOptions {
  services: AppServices;
  metrics: Registry;
}

/**
 * The HTTP kernel: request id, logging and metrics, secure headers, body limit, problem+json
 * errors. Modules' routes are mounted onto it by the server; nothing here knows a module.
 */
export function createHttpApp({ services, metrics }: HttpAppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestEnvelope(services, metrics));
  app.onError(errorHandler());
  app.notFound(notFoundHandler(app));
  return app;
}
