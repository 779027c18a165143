import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config.js';
import type { AppServices } from '../kernel/context.js';
import { createHttpApp } from '../kernel/http/app.js';
import { createFetchHandler } from '../kernel/http/edge.js';
import { createLogger } from '../kernel/logger.js';
import { createMetricsRegistry } from '../kernel/metrics.js';
import { pageOnNavigation, webFallback } from './web.js';

let webDir: string;
let request: (urlPath: string, init?: RequestInit) => Promise<Response>;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'atrium-web-'));
  await mkdir(path.join(webDir, 'assets'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Atrium</title>');
  await writeFile(path.join(webDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const services = {
    config: loadConfig({}),
    log: createLogger('silent'),
    metrics: createMetricsRegistry(),
  } as AppServices;
  const router = createHttpApp({ fallback: webFallback(webDir) });
  router.get('/partner/things', (c) => c.json([]));
  // An operation whose path is also a page (as the operator console's are).
  router.get('/operator/things', pageOnNavigation(webDir), (c) => c.json({ data: [] }));
  const fetch = createFetchHandler(router, services);
  request = async (urlPath, init) => fetch(new Request(new URL(urlPath, 'http://localhost'), init));
});
afterAll(() => rm(webDir, { recursive: true, force: true }));

const html = { headers: { accept: 'text/html' } };

describe('dashboard fallback', () => {
  it('serves index.html for page paths, with the page security headers', async () => {
    const response = await request('/system/anything', html);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Atrium</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with immutable caching', async () => {
    const response = await request('/assets/app-1a2b.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with a problem, not cacheable as an asset', async () => {
    const response = await request('/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('never answers API paths or other methods with the dashboard', async () => {
    expect((await request('/partner/unknown', html)).status).toBe(404);
    expect((await request('/system', { ...html, method: 'POST' })).status).toBe(404);
    const wrongMethod = await request('/partner/things', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
  });

  it('refuses path traversal', async () => {
    const response = await request('/assets/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(404);
  });
});

describe('pages that share their path with an operation', () => {
  it('serve the page to a browser navigation and the JSON to every other request', async () => {
    const navigation = await request('/operator/things', {
      headers: { accept: 'text/html', 'sec-fetch-dest': 'document' },
    });
    expect(await navigation.text()).toContain('<title>Atrium</title>');
    const fetched = await request('/operator/things', { headers: { 'sec-fetch-dest': 'empty' } });
    expect(await fetched.json()).toEqual({ data: [] });
  });
});
