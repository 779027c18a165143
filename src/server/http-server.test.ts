import { createRoute } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config.js';
import type { AppServices } from '../kernel/context.js';
import { createHttpApp } from '../kernel/http/app.js';
import { createFetchHandler } from '../kernel/http/edge.js';
import { mountRoute } from '../kernel/http/mount.js';
import { defineRoute, publicAccess } from '../kernel/http/route.js';
import { createLogger } from '../kernel/logger.js';
import { createMetricsRegistry } from '../kernel/metrics.js';
import { listen } from './http-server.js';

describe('HTTP server shutdown', () => {
  it('lets an in-flight request finish and refuses new connections', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const services = {
      config: loadConfig({}),
      log: createLogger('silent'),
      metrics: createMetricsRegistry(),
    } as AppServices;
    const app = createHttpApp();
    mountRoute(
      app,
      defineRoute({
        route: createRoute({
          operationId: 'slow',
          method: 'get',
          path: '/slow',
          responses: { 200: { description: 'ok' } },
        }),
        access: publicAccess,
        handler: async (c) => {
          started();
          await gate;
          return c.text('finished', 200);
        },
      }),
      { bodyLimitBytes: 1024 },
    );
    const server = await listen(createFetchHandler(app, services), { port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${server.port}`;
    const response = fetch(`${url}/slow`);
    await inFlight;
    const closed = server.close(5_000);
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    release();
    const finished = await response;
    expect(finished.status).toBe(200);
    expect(await finished.text()).toBe('finished');
    // Over a real socket the edge's headers are preset on Node's outgoing message (presetHeaders).
    expect(finished.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]+_[0-9a-z]+$/);
    expect(finished.headers.get('x-content-type-options')).toBe('nosniff');
    await closed;
  });
});
