import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn, type TestAccount } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';

let t: TestApp;
let owner: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpAndSignIn(t, 'owner@example.com');
});
afterAll(async () => t?.close());

describe('system module', () => {
  it('describes the instance with the real database version and enabled modules', async () => {
    expect((await t.request('/partner/system/info')).status).toBe(401);
    const response = await call(t, 'GET', '/partner/system/info', undefined, owner);
    expect(response.status).toBe(200);
    const info = await response.json();
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.database.version).toMatch(/^PostgreSQL \d+/);
    expect(info.modules.map((module: { id: string }) => module.id)).toContain('system');
    expect(info.role).toBe('all');
  });

  it('builds the navigation from module manifests, for a signed-in caller', async () => {
    expect((await t.request('/partner/system/navigation')).status).toBe(401);
    const response = await call(t, 'GET', '/partner/system/navigation', undefined, owner);
    const navigation = await response.json();
    const platform = navigation.sections.find((section: { id: string }) => section.id === 'platform');
    expect(platform.items).toContainEqual(
      expect.objectContaining({ id: 'system', path: '/system', icon: 'server' }),
    );
  });

  it('reports liveness and readiness', async () => {
    expect(await (await t.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'current' },
    });
  });

  it('is not ready when a committed migration is missing from the database', async () => {
    const { pool } = t.services;
    const removed = await pool.query(
      'DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations) RETURNING *',
    );
    try {
      const response = await t.request('/readyz');
      expect(response.status).toBe(503);
      expect((await response.json()).checks.migrations).toBe('pending');
    } finally {
      const row = removed.rows[0];
      await pool.query(
        'INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES ($1, $2, $3)',
        [row.id, row.hash, row.created_at],
      );
    }
  });

  it('exposes Prometheus metrics including HTTP timings', async () => {
    await t.request('/healthz');
    const response = await t.request('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('atrium_http_request_duration_seconds_bucket');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serves the API reference page with its own assets, and a problem for unknown assets', async () => {
    const page = await t.request('/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    expect((await t.request('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    const missing = await t.request('/docs/assets/other.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });

  it('publishes an OpenAPI 3.1 document that a validator accepts', async () => {
    const document = await (await t.request('/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    expect(document.paths['/partner/system/info'].get.operationId).toBe('getSystemInfo');
    expect(document.components.schemas.Problem).toBeDefined();
  });
});

describe('navigation follows permissions', () => {
  it('leaves out the pages a caller’s role does not open', async () => {
    const noTenant = await signUpAndSignIn(t, 'loner@example.com', { organisationName: null });
    const navigation = (await (
      await call(t, 'GET', '/partner/system/navigation', undefined, noTenant)
    ).json()) as {
      sections: { items: { id: string }[] }[];
    };
    const ids = navigation.sections.flatMap((section) => section.items.map((item) => item.id));
    expect(ids).not.toContain('system');
  });
});
