import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditEvents,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { fromPublicId, toPublicId } from '../../kernel/ids/public-id.js';
import { flushKeyUsage } from './index.js';
import { generateSecret } from './services/secret.js';

type Key = {
  id: string;
  appId: string;
  environment: string;
  label: string;
  prefix: string;
  scopes: string[];
  status: string;
  graceUntil: string | null;
  replacedBy: string | null;
  lastUsedAt: string | null;
  secret?: string;
};

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
let sandboxApp: string;
let liveApp: string;
beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'keys-acme');
  rival = await ownerAndViewer(t, 'keys-rival');
  const project = (
    await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Issuing' }, acme.owner)
  ).body.id;
  const app = (environment: string, name: string) =>
    send<{ id: string }>(t, 'POST', '/partner/apps', { projectId: project, name, environment }, acme.owner);
  sandboxApp = (await app('sandbox', 'Sandbox backend')).body.id;
  liveApp = (await app('production', 'Live backend')).body.id;
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.useRealTimers();
});

/** A controlled clock: only `Date` is faked, so timers, sockets and the database run as usual. */
function clockAt(time: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(time);
}

const createKey = (body: Record<string, unknown>, as = acme.owner) =>
  send<Key & Problem>(
    t,
    'POST',
    '/partner/api-keys',
    { appId: sandboxApp, label: 'Server 1', scopes: ['apps:read'], ...body },
    as,
  );

/** A Partner API call authenticated by key alone (no cookie). */
const withKey = (secret: string, path = '/partner/apps', method = 'GET') =>
  send<Problem>(t, method, path, undefined, { headers: { authorization: `Bearer ${secret}` } });

async function storedRow(publicId: string) {
  const { rows } = await t.services.pool.query<Record<string, unknown>>(
    'SELECT * FROM api_keys WHERE id = $1',
    [fromPublicId('key', publicId)],
  );
  return rows[0];
}

describe('API keys: create and read', () => {
  it('shows the secret once, stores only its SHA-256, and never lists it', async () => {
    const created = await createKey({ label: 'Issuing server' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: 'Issuing server', environment: 'sandbox', status: 'active' });
    expect(created.body.id).toMatch(/^key_[0-9a-z]{26}$/);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^atr_test_[0-9A-Za-z]{49}$/);
    expect(created.body.prefix).toBe(secret.slice(0, 13));

    const row = await storedRow(created.body.id);
    expect(row?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
    const { rows } = await t.services.pool.query(
      `SELECT 1 FROM api_keys WHERE secret_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [secret],
    );
    expect(rows).toHaveLength(1);

    const list = await send<{ data: Key[] }>(
      t,
      'GET',
      `/partner/api-keys?appId=${sandboxApp}`,
      undefined,
      acme.owner,
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((key) => key.id)).toContain(created.body.id);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(row?.secret_hash as string);
    expect(text).not.toContain('"secret"');

    const one = await send<Key>(t, 'GET', `/partner/api-keys/${created.body.id}`, undefined, acme.viewer);
    expect(one.status).toBe(200);
    expect(one.body.secret).toBeUndefined();

    const [event] = (await auditEvents(t, acme.tenantId, 'api_key.created')).filter(
      (e) => e.target_id === created.body.id,
    );
    expect(event).toMatchObject({ target_label: 'Issuing server', after: { scopes: ['apps:read'] } });
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('gives a production app an atr_live_ key', async () => {
    const created = await createKey({ appId: liveApp });
    expect(created.status).toBe(201);
    expect(created.body.environment).toBe('production');
    expect(created.body.secret).toMatch(/^atr_live_/);
  });

  it('refuses scopes the caller does not hold (403) and unknown ones (400)', async () => {
    const viewerAsOwnerScopes = await createKey({ scopes: ['settings:manage'] }, acme.viewer);
    expect(viewerAsOwnerScopes.status).toBe(403);
    const unknown = await createKey({ scopes: ['nuclear:launch'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('nuclear:launch');
    const past = await createKey({ expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(past.status).toBe(400);
  });

  it('a Viewer cannot create, rotate or revoke keys', async () => {
    const denied = await createKey({}, acme.viewer);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('keys:write');
    const key = (await createKey({})).body;
    expect((await send(t, 'POST', `/partner/api-keys/${key.id}/revoke`, {}, acme.viewer)).status).toBe(403);
    expect(
      (await send(t, 'PATCH', `/partner/api-keys/${key.id}/rotate`, { graceDays: 1 }, acme.viewer)).status,
    ).toBe(403);
  });

  it('answers another tenant’s key, app and malformed ids with 404', async () => {
    const key = (await createKey({})).body;
    expect((await send(t, 'GET', `/partner/api-keys/${key.id}`, undefined, rival.owner)).status).toBe(404);
    expect((await send(t, 'POST', `/partner/api-keys/${key.id}/revoke`, {}, rival.owner)).status).toBe(404);
    expect(
      (await send(t, 'PATCH', `/partner/api-keys/${key.id}/rotate`, { graceDays: 0 }, rival.owner)).status,
    ).toBe(404);
    expect((await send(t, 'GET', '/partner/api-keys/key_nonsense', undefined, acme.owner)).status).toBe(404);
    expect((await createKey({ label: 'Theirs' }, rival.owner)).status).toBe(404);
    const rivalList = await send<{ data: Key[] }>(t, 'GET', '/partner/api-keys', undefined, rival.owner);
    expect(rivalList.body.data).toEqual([]);
    expect((await withKey(key.secret as string)).status).toBe(200);
  });
});

describe('API keys: authentication', () => {
  it('authenticates with its scopes only, and records the last use in batches, not per request', async () => {
    const key = (await createKey({ scopes: ['apps:read'] })).body;
    const secret = key.secret as string;
    const apps = await send<{ data: { id: string }[] }>(t, 'GET', '/partner/apps', undefined, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(apps.status).toBe(200);
    expect(apps.body.data.map((app) => app.id)).toContain(sandboxApp);
    const projects = await withKey(secret, '/partner/projects');
    expect(projects.status).toBe(403);
    expect(projects.body.detail).toContain('projects:read');
    const created = await send(
      t,
      'POST',
      '/partner/apps',
      { name: 'x' },
      {
        headers: { authorization: `Bearer ${secret}` },
      },
    );
    expect(created.status).toBe(403);

    // Not written on the request path: buffered, then flushed (every 10 s and on stop).
    expect((await storedRow(key.id))?.last_used_at).toBeNull();
    await flushKeyUsage(t.services);
    const first = await storedRow(key.id);
    expect(first?.last_used_at).toBeInstanceOf(Date);
    expect(first?.last_used_ip).toMatch(/^10\./);
    await send(t, 'GET', '/partner/apps', undefined, {
      headers: { authorization: `Bearer ${secret}` },
      clientIp: '203.0.113.9',
    });
    await flushKeyUsage(t.services);
    const second = await storedRow(key.id);
    const usedAt = (row: Record<string, unknown> | undefined) =>
      (row?.last_used_at as Date | undefined)?.getTime() ?? 0;
    expect(usedAt(second)).toBeGreaterThanOrEqual(usedAt(first));
    expect(second?.last_used_ip).toBe('203.0.113.9');
  });

  it('a key may act with its scopes: a key with keys:read lists keys, its actor is the key', async () => {
    const key = (await createKey({ scopes: ['keys:read', 'keys:write', 'apps:read'] })).body;
    const made = await send<Key>(
      t,
      'POST',
      '/partner/api-keys',
      { appId: sandboxApp, label: 'Made by a key', scopes: ['apps:read'] },
      { headers: { authorization: `Bearer ${key.secret}` } },
    );
    expect(made.status).toBe(201);
    const { rows } = await t.services.pool.query<{ actor_type: string; actor_label: string }>(
      `SELECT actor_type, actor_label FROM audit_events WHERE target_id = $1 AND action = 'api_key.created'`,
      [made.body.id],
    );
    expect(rows[0]).toEqual({ actor_type: 'api_key', actor_label: 'Server 1' });
    const escalate = await send(
      t,
      'POST',
      '/partner/api-keys',
      { appId: sandboxApp, label: 'More', scopes: ['settings:manage'] },
      { headers: { authorization: `Bearer ${key.secret}` } },
    );
    expect(escalate.status).toBe(403);
  });

  it('cannot do what only a signed-in person does (account, tenants, team)', async () => {
    const key = (await createKey({})).body;
    const headers = { authorization: `Bearer ${key.secret}` };
    const tenantId = toPublicId('tenant', acme.tenantId);
    const answers = await Promise.all([
      send(t, 'GET', '/partner/me', undefined, { headers }),
      send(t, 'GET', '/partner/tenants', undefined, { headers }),
      send(t, 'POST', '/partner/tenants', { name: 'Made by a key' }, { headers }),
      send(t, 'POST', `/partner/tenants/${tenantId}/switch`, {}, { headers }),
      send(t, 'POST', '/partner/team/leave', {}, { headers }),
      send(t, 'GET', '/partner/access', undefined, { headers }),
      send(t, 'GET', '/partner/system/navigation', undefined, { headers }),
    ]);
    const [me, tenants, createTenant, switchTenant, leave, access] = answers;
    expect(answers.every((answer) => answer.status < 500)).toBe(true);
    expect([me?.status, createTenant?.status, leave?.status]).toEqual([403, 403, 403]);
    expect(tenants?.body).toEqual({ data: [] });
    expect(switchTenant?.status).toBe(404);
    expect(access?.body).toMatchObject({ role: null, permissions: ['apps:read'] });
  });

  it('refuses a revoked key', async () => {
    const key = (await createKey({})).body;
    expect((await withKey(key.secret as string)).status).toBe(200);
    const revoked = await send<Key>(t, 'POST', `/partner/api-keys/${key.id}/revoke`, {}, acme.owner);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const refused = await withKey(key.secret as string);
    expect(refused.status).toBe(401);
    const events = (await auditEvents(t, acme.tenantId, 'api_key.revoked')).filter(
      (e) => e.target_id === key.id,
    );
    expect(events).toHaveLength(1);
    // Again: nothing changes, no second event.
    expect((await send(t, 'POST', `/partner/api-keys/${key.id}/revoke`, {}, acme.owner)).status).toBe(200);
    expect(
      (await auditEvents(t, acme.tenantId, 'api_key.revoked')).filter((e) => e.target_id === key.id),
    ).toHaveLength(1);
  });

  it('refuses an expired key from the moment it expires, although it is cached', async () => {
    const expiresAt = Date.now() + 60_000;
    const key = (await createKey({ expiresAt: new Date(expiresAt).toISOString() })).body;
    expect((await withKey(key.secret as string)).status).toBe(200);
    clockAt(expiresAt - 1);
    expect((await withKey(key.secret as string)).status).toBe(200);
    clockAt(expiresAt);
    expect((await withKey(key.secret as string)).status).toBe(401);
    const read = await send<Key>(t, 'GET', `/partner/api-keys/${key.id}`, undefined, acme.owner);
    expect(read.body.status).toBe('expired');
  });

  it('refuses malformed and forged bearers', async () => {
    const key = (await createKey({})).body;
    const secret = key.secret as string;
    const flipped = `${secret.slice(0, -1)}${secret.at(-1) === 'a' ? 'b' : 'a'}`;
    for (const bad of [flipped, 'atr_test_short', 'not-a-key', secret.replace('atr_test_', 'atr_live_')]) {
      const refused = await withKey(bad);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('unauthenticated');
    }
    // Well-formed (checksum right) but never issued.
    expect((await withKey(generateSecret('sandbox').secret)).status).toBe(401);
  });
});

describe('API keys: rotation', () => {
  it('with a grace period both keys work until it ends', async () => {
    const old = (await createKey({ label: 'Rotating' })).body;
    const rotated = await send<Key>(
      t,
      'PATCH',
      `/partner/api-keys/${old.id}/rotate`,
      { graceDays: 1 },
      acme.owner,
    );
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ label: 'Rotating', scopes: ['apps:read'], status: 'active' });
    expect(rotated.body.secret).not.toBe(old.secret);
    expect((await withKey(old.secret as string)).status).toBe(200);
    expect((await withKey(rotated.body.secret as string)).status).toBe(200);
    const before = await send<Key>(t, 'GET', `/partner/api-keys/${old.id}`, undefined, acme.owner);
    expect(before.body).toMatchObject({ status: 'grace', replacedBy: rotated.body.id });
    const graceUntil = new Date(before.body.graceUntil as string).getTime();
    expect(Math.abs(graceUntil - Date.now() - 86_400_000)).toBeLessThan(60_000);
    const [event] = (await auditEvents(t, acme.tenantId, 'api_key.rotated')).filter(
      (e) => e.target_id === old.id,
    );
    expect(event).toMatchObject({ metadata: { graceDays: 1 }, after: { replacedBy: rotated.body.id } });

    // The grace period's boundary, on a controlled clock: accepted just before, refused from then on.
    clockAt(graceUntil - 1);
    expect((await withKey(old.secret as string)).status).toBe(200);
    clockAt(graceUntil + 1);
    expect((await withKey(old.secret as string)).status).toBe(401);
    expect((await withKey(rotated.body.secret as string)).status).toBe(200);
    vi.useRealTimers();
    // A rotated key cannot be rotated again.
    expect(
      (await send(t, 'PATCH', `/partner/api-keys/${old.id}/rotate`, { graceDays: 1 }, acme.owner)).status,
    ).toBe(409);
  });

  it('with grace 0 the old key is refused at once', async () => {
    const old = (await createKey({})).body;
    const rotated = await send<Key>(
      t,
      'PATCH',
      `/partner/api-keys/${old.id}/rotate`,
      { graceDays: 0 },
      acme.owner,
    );
    expect(rotated.status).toBe(201);
    expect((await withKey(old.secret as string)).status).toBe(401);
    expect((await withKey(rotated.body.secret as string)).status).toBe(200);
    const bad = await send(
      t,
      'PATCH',
      `/partner/api-keys/${rotated.body.id}/rotate`,
      { graceDays: 8 },
      acme.owner,
    );
    expect(bad.status).toBe(400);
  });
});
