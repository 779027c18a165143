import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pageHeaders } from '../kernel/http/middleware/security-headers.js';
import type { AppEnv } from '../kernel/http/route.js';

/** Paths the dashboard never owns: unknown paths under them are API 404s, not the SPA. */
const API_PREFIXES = [
  '/partner',
  '/v1',
  '/operator',
  '/openapi.json',
  '/docs',
  '/healthz',
  '/readyz',
  '/metrics',
];

function isApiPath(requestPath: string): boolean {
  return API_PREFIXES.some((prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`));
}

/**
 * Serves the built dashboard: hashed assets cached forever, index.html for every other page path
 * so that client-side routes survive a reload.
 */
export function mountWeb(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexFile = path.join(webDir, 'index.html');
  const files = serveStatic({ root: webDir });
  app.get('*', pageHeaders(), async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    if (c.req.path.startsWith('/assets/')) c.header('cache-control', 'public, max-age=31536000, immutable');
    else c.header('cache-control', 'no-cache');
    if (c.req.path !== '/') {
      const response = await files(c, async () => undefined);
      if (response) return response;
    }
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html') || c.req.path === '/';
    if (!wantsHtml || !existsSync(indexFile)) return next();
    return serveStatic({ root: webDir, path: 'index.html' })(c, next);
  });
}
