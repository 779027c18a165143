import { createRequire } from 'node:module';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pageHeaders } from '../kernel/http/middleware/security-headers.js';
import { problemResponse } from '../kernel/http/problem.js';
import type { AppEnv } from '../kernel/http/route.js';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Atrium API reference</title>
    <link rel="icon" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>`;

// validatorUrl null: Swagger UI would otherwise fetch a badge from an outside validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  withCredentials: true,
});`;

/** The interactive API reference, every asset served by Atrium itself (works offline). */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.get('/docs', pageHeaders(), (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!ASSETS.has(file)) return problemResponse(c, 'not_found', `No API reference asset named ${file}.`);
    return serveStatic({ root: SWAGGER_DIR, path: file })(c, next);
  });
}
