import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import type { NotFoundFallback } from '../kernel/http/errors.js';
import { PAGE_HEADERS } from '../kernel/http/middleware/security-headers.js';
import { isApiPath } from '../kernel/http/reserved-paths.js';
import type { AppEnv } from '../kernel/http/route.js';

/**
 * Serves the built dashboard for GET requests no API operation matched: files from dist/web
 * (hashed assets cached forever) and index.html for every other page path, so client-side routes
 * survive a reload. It runs as the router's not-found fallback, not as a catch-all route, so API
 * requests keep a single matching handler (Hono's fast path).
 */
export function webFallback(webDir: string): NotFoundFallback {
  const files = serveStatic<AppEnv>({ root: webDir });
  const none = async () => undefined;
  const page = dashboardPage(webDir);
  return async (c: Context<AppEnv>) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isApiPath(c.req.path)) return undefined;
    c.env.route = 'web';
    const file = c.req.path === '/' ? undefined : await files(c, none);
    if (file) {
      const immutable = c.req.path.startsWith('/assets/');
      file.headers.set('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return file;
    }
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html') || c.req.path === '/';
    return wantsHtml ? page(c) : undefined;
  };
}

/** The dashboard's index.html with the page security headers, or undefined when not built. */
export function dashboardPage(webDir: string): (c: Context<AppEnv>) => Promise<Response | undefined> {
  const indexFile = path.join(webDir, 'index.html');
  const index = serveStatic<AppEnv>({ root: webDir, path: 'index.html' });
  const none = async () => undefined;
  return async (c) => {
    if (!existsSync(indexFile)) return undefined;
    const page = await index(c, none);
    if (!page) return undefined;
    for (const [name, value] of PAGE_HEADERS) page.headers.set(name, value);
    page.headers.set('cache-control', 'no-cache');
    return page;
  };
}

/**
 * The operator console's pages share their paths with the Operator API (`/operator/mailbox` is
 * both). A browser navigation (`Sec-Fetch-Dest: document`) gets the page; the dashboard's own
 * fetches and every other client get the API.
 */
export function pageOnNavigation(webDir: string): MiddlewareHandler<AppEnv> {
  const page = dashboardPage(webDir);
  return async (c, next) => {
    if (c.req.method === 'GET' && c.req.header('sec-fetch-dest') === 'document') {
      const response = await page(c);
      if (response) return response;
    }
    return next();
  };
}
