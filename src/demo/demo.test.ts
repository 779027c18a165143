import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../test/harness/test-app.js';
import { DEMO_CUSTOMERS } from '../modules/intelligence/index.js';
import { DEMO_PASSWORD } from './core-world.js';
import { type DemoOutcome, seedDemoWorld } from './seed-demo.js';

let t: TestApp;
let first: DemoOutcome;
beforeAll(async () => {
  t = await createTestApp();
  first = await seedDemoWorld(t.services);
});
afterAll(async () => t?.close());

describe('demo world', () => {
  it('creates the four tenants of SPEC §7, each with an Owner and a member of every other role', async () => {
    expect(first.outcome).toBe('seeded');
    const { rows } = await t.services.pool.query<{ name: string; roles: string[] }>(
      `SELECT t.name, array_agg(r.key ORDER BY r.key) AS roles
         FROM tenants t JOIN memberships m ON m.tenant_id = t.id JOIN roles r ON r.id = m.role_id
        GROUP BY t.name ORDER BY t.name`,
    );
    expect(rows).toEqual(
      ['Bright Futures Foundation', 'Harbor Bank', 'Lumen Studios', 'Northwind Retail'].map((name) => ({
        name,
        roles: ['admin', 'analyst', 'developer', 'owner', 'viewer'],
      })),
    );
  });

  it('lets the printed accounts sign in with the printed password, each with its role', async () => {
    if (first.outcome !== 'seeded') throw new Error('not seeded');
    const viewer = await signIn(t, 'viewer@harbor-bank.example', first.signIn.password);
    const access = (await (await call(t, 'GET', '/partner/access', undefined, viewer)).json()) as {
      tenant: { name: string };
      role: { key: string };
      permissions: string[];
    };
    expect(access.tenant.name).toBe('Harbor Bank');
    expect(access.role.key).toBe('viewer');
    expect(access.permissions).not.toContain('apps:write');
    expect(first.signIn.password).toBe(DEMO_PASSWORD);

    const operator = await signIn(t, first.signIn.operator, DEMO_PASSWORD);
    const tenants = await call(t, 'GET', '/operator/tenants', undefined, operator);
    expect(tenants.status).toBe(200);
    expect(((await tenants.json()) as { total: number }).total).toBe(4);
  });

  it('records every step on the tenants’ audit chains', async () => {
    const { rows } = await t.services.pool.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_events WHERE tenant_id IS NOT NULL GROUP BY action ORDER BY action`,
    );
    expect(rows).toEqual([
      { action: 'api_key.created', n: 21 },
      { action: 'api_key.revoked', n: 7 },
      { action: 'api_key.rotated', n: 7 },
      { action: 'app.created', n: 7 },
      { action: 'invitation.created', n: 4 },
      { action: 'member.added', n: 20 },
      { action: 'project.created', n: 5 },
      { action: 'role.created', n: 4 },
      { action: 'statement.received', n: DEMO_CUSTOMERS.customers },
      { action: 'tenant.created', n: 4 },
      { action: 'tenant.updated', n: 4 },
      { action: 'webhook_endpoint.created', n: 4 },
    ]);
  });

  it('gives every demo app keys in each state: rate-limited, rotated with a grace period, revoked', async () => {
    const { rows } = await t.services.pool.query<{ app_id: string; states: string[]; limits: number }>(
      `SELECT app_id,
              array_agg(CASE WHEN revoked_at IS NOT NULL THEN 'revoked'
                             WHEN grace_until IS NOT NULL THEN 'grace' ELSE 'active' END ORDER BY 1) AS states,
              count(rate_limit_per_minute)::int AS limits
         FROM api_keys GROUP BY app_id`,
    );
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect([...row.states].sort()).toEqual(['active', 'active', 'grace', 'revoked']);
      expect(row.limits).toBe(1);
    }
  });

  it('gives the bank 500+ customers and 100,000+ transactions through the ingestion service, analysed, some drifting', async () => {
    const { rows } = await t.services.pool.query<{
      customers: number;
      analysed: number;
      alerts: number;
      transactions: number;
      statements: number;
    }>(
      `SELECT (SELECT count(*)::int FROM customers) AS customers,
              (SELECT count(*)::int FROM customers WHERE persona IS NOT NULL) AS analysed,
              (SELECT count(*)::int FROM customers WHERE drift_level = 'alert') AS alerts,
              (SELECT count(*)::int FROM transactions) AS transactions,
              (SELECT count(*)::int FROM statements) AS statements`,
    );
    const figures = rows[0];
    expect(figures?.customers).toBe(DEMO_CUSTOMERS.customers);
    expect(figures?.customers).toBeGreaterThanOrEqual(500);
    expect(figures?.analysed).toBe(DEMO_CUSTOMERS.customers);
    expect(figures?.statements).toBe(DEMO_CUSTOMERS.customers);
    expect(figures?.transactions).toBeGreaterThanOrEqual(100_000);
    expect(figures?.alerts).toBeGreaterThanOrEqual(DEMO_CUSTOMERS.shifters);
  });

  it('gives every tenant a webhook endpoint with thirty days of deliveries, mostly accepted, some retried', async () => {
    if (first.outcome !== 'seeded') throw new Error('not seeded');
    for (const owner of first.signIn.owners) {
      const session = await signIn(t, owner.email, DEMO_PASSWORD);
      const endpoints = (await (await call(t, 'GET', '/partner/webhooks', undefined, session)).json()) as {
        data: { id: string; failingSince: string | null; enabled: boolean }[];
      };
      expect(endpoints.data).toHaveLength(1);
      const endpoint = endpoints.data[0];
      expect(endpoint).toMatchObject({ enabled: true, failingSince: null });
      const stats = (await (
        await call(t, 'GET', `/partner/webhooks/${endpoint?.id}/stats?days=30`, undefined, session)
      ).json()) as { successes: number; failures: number; successRate: number };
      expect(stats.successes).toBeGreaterThan(200);
      expect(stats.failures).toBeGreaterThan(0);
      expect(stats.successRate).toBeGreaterThan(90);
      // A retried delivery: a failed first attempt and a later one of the same message.
      const failed = (await (
        await call(t, 'GET', '/partner/webhooks/logs?status=failed&limit=100', undefined, session)
      ).json()) as { data: { deliveryId: string; attempt: number; requestPayload: string }[] };
      expect(failed.data.length).toBeGreaterThan(0);
      expect(JSON.parse(failed.data[0]?.requestPayload ?? '{}')).toHaveProperty('type');
    }
    // The first tenant's receiver was down for 90 minutes a week ago: a run of 503s in that window.
    const { rows } = await t.services.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_attempts a JOIN tenants t ON t.id = a.tenant_id
        WHERE t.name = 'Harbor Bank' AND a.status_code = 503 AND a.created_at < now() - interval '5 days'`,
    );
    expect(rows[0]?.n).toBeGreaterThan(3);
  });

  it('seeds once per database', async () => {
    expect((await seedDemoWorld(t.services)).outcome).toBe('already-seeded');
  });
});
