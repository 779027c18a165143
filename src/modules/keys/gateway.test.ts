import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { mountRoute } from '../../kernel/http/mount.js';
import { defineRoute, requireApiKey } from '../../kernel/http/route.js';
import { toPublicId } from '../../kernel/ids/public-id.js';
import { generateSecret } from './services/secret.js';

type Key = { id: string; secret: string };
type Me = {
  id: string;
  label: string;
  prefix: string;
  environment: string;
  scopes: string[];
  status: string;
  app: { id: string; name: string };
  tenant: { id: string; name: string };
  rateLimit: { scope: string; limit: number; remaining: number; resetSeconds: number; windowSeconds: number };
};

// A Public API POST mounted for these tests through the real kernel (access check, gates, layers),
// since the Public API has no POST operation yet. `hold` keeps a request in its handler.
let runs = 0;
let hold: Promise<void> | undefined;
const echoRoute = defineRoute({
  route: createRoute({
    operationId: 'testCreateEcho',
    method: 'post',
    path: '/v1/test-echoes',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ amount: z.number().int(), fail: z.boolean().optional() }),
          },
        },
      },
    },
    responses: { 201: { description: 'Created.' } },
  }),
  access: requireApiKey(),
  handler: async (c) => {
    runs++;
    const run = runs;
    const body = c.req.valid('json');
    if (hold) await hold;
    if (body.fail) throw new Error('the stand-in handler fails on request');
    return c.json({ id: `echo_${run}`, amount: body.amount }, 201, {
      location: `/v1/test-echoes/echo_${run}`,
    });
  },
});

let t: TestApp;
let acme: TenantAccounts;
let busy: TenantAccounts;
let sandboxApp: string;
beforeAll(async () => {
  t = await createTestApp();
  // Before the first request: the router freezes its routes on the first match.
  mountRoute(t.app.router, echoRoute, {
    bodyLimitBytes: t.services.config.ATRIUM_BODY_LIMIT_BYTES,
    layers: t.services.modules.flatMap((module) => module.layers),
  });
  acme = await ownerAndViewer(t, 'gateway-acme');
  busy = await ownerAndViewer(t, 'gateway-busy');
  sandboxApp = await appOf(acme, 'Sandbox backend');
});
afterAll(async () => t?.close());

async function appOf(accounts: TenantAccounts, name: string): Promise<string> {
  const project = (await send<{ id: string }>(t, 'POST', '/partner/projects', { name }, accounts.owner)).body
    .id;
  const app = await send<{ id: string }>(
    t,
    'POST',
    '/partner/apps',
    { projectId: project, name, environment: 'sandbox' },
    accounts.owner,
  );
  return app.body.id;
}

async function newKey(body: Record<string, unknown> = {}, accounts = acme): Promise<Key> {
  const created = await send<Key>(
    t,
    'POST',
    '/partner/api-keys',
    { appId: sandboxApp, label: 'Gateway test', scopes: ['apps:read'], ...body },
    accounts.owner,
  );
  expect(created.status).toBe(201);
  return created.body;
}

async function asKey(secret: string, path = '/v1/me', init: RequestInit = {}, clientIp = '192.0.2.10') {
  const response = await t.request(
    path,
    { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } },
    { clientIp },
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as Me & Problem & { reason?: string },
  };
}

describe('GET /v1/me', () => {
  it('describes the calling key, its app, tenant and rate-limit window, with RateLimit headers', async () => {
    const key = await newKey({
      label: 'Introspected',
      scopes: ['apps:read', 'keys:read'],
      rateLimitPerMinute: 50,
    });
    const me = await asKey(key.secret);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: key.id,
      label: 'Introspected',
      prefix: key.secret.slice(0, 13),
      environment: 'sandbox',
      scopes: ['apps:read', 'keys:read'],
      status: 'active',
      app: { id: sandboxApp, name: 'Sandbox backend' },
      tenant: { id: toPublicId('tenant', acme.tenantId), name: 'gateway-acme org' },
      rateLimit: { scope: 'key', limit: 50, remaining: 49, windowSeconds: 60 },
    });
    expect(me.headers.get('ratelimit-limit')).toBe('50');
    expect(me.headers.get('ratelimit-remaining')).toBe('49');
    expect(Number(me.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(me.headers.get('ratelimit-policy')).toBe('50;w=60');
    expect(JSON.stringify(me.body)).not.toContain(key.secret);
  });

  it('refuses a session (the Public API takes keys only), no credentials, malformed, unknown and revoked keys', async () => {
    const session = await send<Problem>(t, 'GET', '/v1/me', undefined, acme.owner);
    expect(session.status).toBe(401);
    expect(session.body.detail).toContain('API key');
    expect((await t.request('/v1/me')).status).toBe(401);
    expect((await asKey('atr_test_nonsense')).status).toBe(401);
    const unknown = await asKey(generateSecret('sandbox').secret);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');

    // Revoked although this process has it cached.
    const key = await newKey();
    expect((await asKey(key.secret)).status).toBe(200);
    expect((await send(t, 'POST', `/partner/api-keys/${key.id}/revoke`, {}, acme.owner)).status).toBe(200);
    expect((await asKey(key.secret)).status).toBe(401);
  });

  it('looks a key up once, then answers from memory; an unknown key is remembered as unknown', async () => {
    const key = await newKey();
    const spy = vi.spyOn(t.services.pool, 'query');
    try {
      const lookups = () =>
        spy.mock.calls.filter(([text]) => String(text).includes('FROM api_keys k')).length;
      expect((await asKey(key.secret)).status).toBe(200);
      expect((await asKey(key.secret)).status).toBe(200);
      expect(lookups()).toBe(1);
      const forged = generateSecret('sandbox').secret;
      expect((await asKey(forged)).status).toBe(401);
      expect((await asKey(forged)).status).toBe(401);
      expect(lookups()).toBe(2);
      // Not even a lookup for a key whose checksum is wrong.
      expect((await asKey(`${forged.slice(0, -1)}${forged.endsWith('a') ? 'b' : 'a'}`)).status).toBe(401);
      expect(lookups()).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('gateway: scopes', () => {
  it('a key without keys:read gets 403 on GET /partner/api-keys', async () => {
    const key = await newKey({ scopes: ['apps:read'] });
    const denied = await asKey(key.secret, '/partner/api-keys');
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    expect(denied.body.detail).toContain('keys:read');
    expect((await asKey(key.secret, '/partner/apps')).status).toBe(200);
  });
});

describe('gateway: the app’s IP allowlist', () => {
  it('accepts addresses in the v4 and v6 blocks, refuses others with 403 ip_not_allowed, and follows changes', async () => {
    const app = await appOf(acme, 'Allowlisted backend');
    const key = await newKey({ appId: app });
    // Empty allowlist: any address.
    expect((await asKey(key.secret, '/v1/me', {}, '203.0.113.50')).status).toBe(200);

    const changed = await send(
      t,
      'PATCH',
      `/partner/apps/${app}`,
      { ipAllowlist: ['198.51.100.0/24', '2001:db8:4a::/48'] },
      acme.owner,
    );
    expect(changed.status).toBe(200);
    // The key is cached, but the app's change dropped it: the new list applies at once.
    const outside = await asKey(key.secret, '/v1/me', {}, '203.0.113.50');
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ code: 'forbidden', reason: 'ip_not_allowed' });
    expect(outside.body.detail).toContain('203.0.113.50');
    expect(outside.headers.get('content-type')).toContain('application/problem+json');

    for (const allowed of ['198.51.100.7', '::ffff:198.51.100.7', '2001:db8:4a::1', '2001:db8:4a:ffff::9']) {
      expect((await asKey(key.secret, '/v1/me', {}, allowed)).status, allowed).toBe(200);
    }
    for (const refused of ['198.51.101.7', '2001:db8:4b::1', '::1']) {
      expect((await asKey(key.secret, '/v1/me', {}, refused)).status, refused).toBe(403);
    }
    // It applies to the Partner API as well.
    expect((await asKey(key.secret, '/partner/apps', {}, '2001:db8:4b::1')).status).toBe(403);
  });
});

describe('gateway: rate limits', () => {
  it('a key over its own limit gets 429 with Retry-After and RateLimit headers', async () => {
    const key = await newKey({ rateLimitPerMinute: 3 });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const ok = await asKey(key.secret);
      expect(ok.status).toBe(200);
      remaining.push(ok.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await asKey(key.secret);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', reason: 'key_rate_limit' });
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit-limit')).toBe('3');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    // Another key of the tenant is not affected by this key's limit.
    expect((await asKey((await newKey()).secret)).status).toBe(200);
  });

  it('the plan’s limit is shared by all the tenant’s keys', async () => {
    const app = await appOf(busy, 'Busy backend');
    const [first, second] = await Promise.all([newKey({ appId: app }, busy), newKey({ appId: app }, busy)]);
    // The free plan allows 600 a minute: 300 with each key, then the 601st is refused.
    for (const key of [first, second]) {
      for (let batch = 0; batch < 6; batch++) {
        const answers = await Promise.all(Array.from({ length: 50 }, () => asKey((key as Key).secret)));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
      }
    }
    const limited = await asKey((first as Key).secret);
    expect(limited.status).toBe(429);
    expect(limited.body.reason).toBe('plan_rate_limit');
    expect(limited.headers.get('ratelimit-limit')).toBe('600');
    expect(limited.headers.get('ratelimit-policy')).toBe('600;w=60');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another tenant's keys are not affected.
    expect((await asKey((await newKey()).secret)).status).toBe(200);
  });
});

describe('gateway: Idempotency-Key on Public API POSTs', () => {
  let key: Key;
  beforeAll(async () => {
    key = await newKey();
  });

  const post = (body: unknown, idempotencyKey?: string) =>
    asKey(key.secret, '/v1/test-echoes', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
      },
      body: JSON.stringify(body),
    });

  it('without the header every request runs', async () => {
    const before = runs;
    expect((await post({ amount: 1 })).status).toBe(201);
    expect((await post({ amount: 1 })).status).toBe(201);
    expect(runs).toBe(before + 2);
  });

  it('replays the stored first answer to a retry with the same key and body', async () => {
    const before = runs;
    const first = await post({ amount: 100 }, 'order-1001');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post({ amount: 100 }, 'order-1001');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('content-type')).toContain('application/json');
    expect(runs).toBe(before + 1);
  });

  it('the same key with another body is a 422', async () => {
    expect((await post({ amount: 5 }, 'order-1002')).status).toBe(201);
    const other = await post({ amount: 6 }, 'order-1002');
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'unprocessable', reason: 'idempotency_key_reused' });
  });

  it('a concurrent duplicate is a 409 while the first runs', async () => {
    let release: () => void = () => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const before = runs;
    const first = post({ amount: 7 }, 'order-1003');
    await vi.waitFor(() => expect(runs).toBe(before + 1), { interval: 5 });
    const duplicate = await post({ amount: 7 }, 'order-1003');
    release();
    hold = undefined;
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'conflict', reason: 'idempotency_key_in_use' });
    expect((await first).status).toBe(201);
    const replay = await post({ amount: 7 }, 'order-1003');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(runs).toBe(before + 1);
  });

  it('two simultaneous requests with one key: one runs, the other is a 409', async () => {
    let release: () => void = () => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const before = runs;
    const both = [post({ amount: 8 }, 'order-1004'), post({ amount: 8 }, 'order-1004')];
    // The one that got the key waits in its handler, so the first to answer is the duplicate.
    const duplicate = await Promise.race(both);
    release();
    hold = undefined;
    expect(duplicate.status).toBe(409);
    const answers = await Promise.all(both);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(runs).toBe(before + 1);
  });

  it('stores no 5xx: a retry after a failure runs again', async () => {
    const before = runs;
    expect((await post({ amount: 9, fail: true }, 'order-1005')).status).toBe(500);
    const { rows } = await t.services.pool.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [
      'order-1005',
    ]);
    expect(rows).toHaveLength(0);
    expect((await post({ amount: 9 }, 'order-1005')).status).toBe(201);
    expect(runs).toBe(before + 2);
  });

  it('refuses a malformed header with 400 and runs nothing', async () => {
    const before = runs;
    for (const bad of ['', ' ', 'x'.repeat(256), 'caf\u00e9']) {
      const refused = await post({ amount: 1 }, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.reason).toBe('invalid_idempotency_key');
    }
    expect((await post({ amount: 1 }, 'x'.repeat(255))).status).toBe(201);
    expect(runs).toBe(before + 1);
  });

  it('keys are per tenant: another tenant’s request with the same key runs on its own', async () => {
    const theirs = await newKey({ appId: await appOf(busy, 'Idempotent backend') }, busy);
    expect((await post({ amount: 11 }, 'shared-key')).status).toBe(201);
    const before = runs;
    const other = await asKey(theirs.secret, '/v1/test-echoes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'shared-key' },
      body: JSON.stringify({ amount: 12 }),
    });
    // The busy tenant spent its plan above; a 429 or a fresh 201, never acme's stored answer.
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect([201, 429]).toContain(other.status);
    expect(runs).toBe(before + (other.status === 201 ? 1 : 0));
  });

  it('the scheduled job deletes answers past their 24 hours', async () => {
    expect((await post({ amount: 13 }, 'order-expiring')).status).toBe(201);
    await t.services.pool.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'order-expiring'`,
    );
    const job = t.services.modules
      .flatMap((module) => module.jobs)
      .find((entry) => entry.name === 'keys.purge-idempotency-keys');
    expect(job?.schedule).toBeDefined();
    await job?.handle({}, t.services);
    const { rows } = await t.services.pool.query<{ key: string }>('SELECT key FROM idempotency_keys');
    expect(rows.map((row) => row.key)).not.toContain('order-expiring');
    expect(rows.map((row) => row.key)).toContain('order-1001');
  });
});
