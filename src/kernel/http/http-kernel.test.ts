import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { AppServices } from '../context.js';
import { createLogger } from '../logger.js';
import { createMetricsRegistry } from '../metrics.js';
import { type Authenticator, defineModule } from '../module.js';
import { createHttpApp } from './app.js';
import { createFetchHandler } from './edge.js';
import { pageHeaders } from './middleware/security-headers.js';
import { mountRoute } from './mount.js';
import { ProblemError } from './problem.js';
import { defineRoute, publicAccess, requirePermission } from './route.js';

const config = loadConfig({ LOG_LEVEL: 'silent', ATRIUM_BODY_LIMIT_BYTES: '2048' });
// A stand-in for the identity module: `x-test-permissions` names the caller's permissions.
const testAuthenticator: Authenticator = {
  credentials: 'session',
  authenticate: async (c) => {
    const granted = c.req.header('x-test-permissions');
    if (granted === undefined) return undefined;
    return {
      kind: 'user',
      id: 'user-1',
      label: 'user-1@example.test',
      tenantId: null,
      permissions: new Set(granted.split(',')),
    };
  },
};
const services = {
  config,
  log: createLogger('silent'),
  metrics: createMetricsRegistry(),
  modules: [
    defineModule({ id: 'auth-stand-in', title: 'T', description: 'D', authenticators: [testAuthenticator] }),
  ],
} as unknown as AppServices;

const createItem = defineRoute({
  route: createRoute({
    operationId: 'testCreateItem',
    method: 'post',
    path: '/test/items',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ name: z.string().min(1), quantity: z.number().int().positive() }),
          },
        },
      },
    },
    responses: {
      201: {
        description: 'created',
        content: { 'application/json': { schema: z.object({ name: z.string() }) } },
      },
    },
  }),
  access: publicAccess,
  handler: (c) => c.json({ name: c.req.valid('json').name }, 201),
});

const failing = defineRoute({
  route: createRoute({
    operationId: 'testFail',
    method: 'get',
    path: '/test/fail',
    responses: { 200: { description: 'never' } },
  }),
  access: publicAccess,
  handler: () => {
    throw new Error('database password is hunter2');
  },
});

const conflicting = defineRoute({
  route: createRoute({
    operationId: 'testConflict',
    method: 'get',
    path: '/test/conflict',
    responses: { 200: { description: 'never' } },
  }),
  access: publicAccess,
  handler: () => {
    throw new ProblemError('conflict', 'The item changed meanwhile.');
  },
});

const guarded = defineRoute({
  route: createRoute({
    operationId: 'testGuarded',
    method: 'get',
    path: '/test/guarded',
    responses: { 200: { description: 'ok' } },
  }),
  access: requirePermission('things:read'),
  handler: (c) => c.body(null, 200),
});

function buildTestApp(appServices: AppServices) {
  const router = createHttpApp();
  for (const route of [createItem, failing, conflicting, guarded]) {
    mountRoute(router, route, { bodyLimitBytes: appServices.config.ATRIUM_BODY_LIMIT_BYTES });
  }
  const fetch = createFetchHandler(router, appServices);
  return {
    router,
    request: async (path: string, init?: RequestInit) =>
      fetch(new Request(new URL(path, 'http://localhost'), init)),
  };
}

const app = buildTestApp(services);
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({ status, code, type: `/problems/${code.replaceAll('_', '-')}` });
  expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  return problem;
}

describe('HTTP kernel', () => {
  it('serves a valid request', async () => {
    const response = await app.request('/test/items', json({ name: 'bolt', quantity: 3 }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ name: 'bolt' });
  });

  it('answers schema violations with 400 naming each failing field', async () => {
    const response = await app.request('/test/items', json({ name: '', quantity: -1 }));
    const problem = await expectProblem(response, 400, 'validation_failed');
    expect(problem.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'body.name',
      'body.quantity',
    ]);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await app.request('/test/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "bolt",',
    });
    await expectProblem(response, 400, 'malformed_json');
  });

  it('answers a wrong content type with 415', async () => {
    const response = await app.request('/test/items', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'name=bolt',
    });
    const problem = await expectProblem(response, 415, 'unsupported_media_type');
    expect(problem.detail).toContain('text/plain');
  });

  it('answers an oversized body with 413', async () => {
    const response = await app.request('/test/items', json({ name: 'x'.repeat(4096), quantity: 1 }));
    await expectProblem(response, 413, 'payload_too_large');
  });

  it('answers an unknown route with 404 and a wrong method with 405 and Allow', async () => {
    await expectProblem(await app.request('/test/nothing'), 404, 'not_found');
    const response = await app.request('/test/items', { method: 'DELETE' });
    await expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('hides unexpected failures behind a 500 with a request id and no internals', async () => {
    const response = await app.request('/test/fail');
    const problem = await expectProblem(response, 500, 'internal_error');
    const text = JSON.stringify(problem);
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('maps a thrown ProblemError to its status', async () => {
    await expectProblem(await app.request('/test/conflict'), 409, 'conflict');
  });

  it('refuses a guarded operation without credentials, in an answer no cache may store', async () => {
    const response = await app.request('/test/guarded');
    await expectProblem(response, 401, 'unauthenticated');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('asks the modules’ authenticators who calls: 403 without the permission, 200 with it', async () => {
    const without = await app.request('/test/guarded', { headers: { 'x-test-permissions': 'other:read' } });
    await expectProblem(without, 403, 'forbidden');
    const granted = await app.request('/test/guarded', { headers: { 'x-test-permissions': 'things:read' } });
    expect(granted.status).toBe(200);
    expect(granted.headers.get('cache-control')).toBe('no-store');
  });

  it('echoes a valid x-request-id and replaces an invalid one', async () => {
    const echoed = await app.request('/test/nothing', { headers: { 'x-request-id': 'client-abc_123' } });
    expect(echoed.headers.get('x-request-id')).toBe('client-abc_123');
    const replaced = await app.request('/test/nothing', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]+_[0-9a-z]+$/);
  });

  it('sets the API security headers on JSON responses', async () => {
    const response = await app.request('/test/nothing');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets the browser security headers on pages, and HSTS when served over HTTPS', async () => {
    const https = buildTestApp({
      ...services,
      config: loadConfig({ ATRIUM_PUBLIC_URL: 'https://partners.example.com' }),
      metrics: createMetricsRegistry(),
    });
    https.router.get('/page', pageHeaders(), (c) => c.html('<p>hi</p>'));
    const response = await https.request('/page');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('records request metrics by route pattern', async () => {
    await app.request('/test/items', json({ name: 'nut', quantity: 1 }));
    const metrics = await services.metrics.metrics();
    expect(metrics).toMatch(
      /atrium_http_request_duration_seconds_count\{[^}]*route="\/test\/items"[^}]*status="201"/,
    );
  });
});
