// The baseline: bare Hono on @hono/node-server answering a trivial route, nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`running at http://localhost:${info.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
