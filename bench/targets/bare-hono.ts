// The baselines: bare Hono on @hono/node-server answering a trivial route, nothing else.
// With BARE_WITH_HEADERS=1 it also sends the two headers every Atrium response carries
// (x-request-id, x-content-type-options), set the ordinary Hono way.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const withHeaders = process.env.BARE_WITH_HEADERS === '1';
let sequence = 0;
const app = new Hono();
app.get('/healthz', (c) =>
  withHeaders
    ? c.json({ status: 'ok' }, 200, {
        'x-content-type-options': 'nosniff',
        'x-request-id': `req_bench_${(++sequence).toString(36)}`,
      })
    : c.json({ status: 'ok' }),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`running at http://localhost:${info.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
