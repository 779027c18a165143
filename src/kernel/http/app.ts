import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Registry } from 'prom-client';
import type { AppServices } from '../context.js';
import { errorHandler, notFoundHandler, validationHook } from './errors.js';
import { observe } from './middleware/observe.js';
import { problemResponse } from './problem.js';
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
  app.use(requestId({ headerName: 'x-request-id', limitLength: 128 }));
  app.use(observe(services.log, metrics));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use(
    bodyLimit({
      maxSize: services.config.ATRIUM_BODY_LIMIT_BYTES,
      onError: (c) =>
        problemResponse(
          c,
          'payload_too_large',
          `The body exceeds the limit of ${services.config.ATRIUM_BODY_LIMIT_BYTES} bytes.`,
        ),
    }),
  );
  app.use(async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.onError(errorHandler());
  app.notFound(notFoundHandler(app));
  return app;
}
