import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('sign-up creates the user and a tenant with the user as Owner', () => {
  it('answers 202, and the signed-in user works in the new tenant with the Owner’s permissions', async () => {
    const account = await signUpAndSignIn(t, 'grace@example.com', { organisationName: 'Hopper Labs' });
    const { rows } = await t.services.pool.query<{ name: string; role: string }>(
      `SELECT t.name, r.key AS role FROM memberships m
         JOIN tenants t ON t.id = m.tenant_id JOIN roles r ON r.id = m.role_id
        WHERE m.user_id = $1`,
      [account.userId],
    );
    expect(rows).toEqual([{ name: 'Hopper Labs', role: 'owner' }]);
    const info = await call(t, 'GET', '/partner/system/info', undefined, { cookie: account.cookie });
    expect(info.status).toBe(200);
  });

  it('records the tenant and its Owner on the new tenant’s audit chain', async () => {
    const { rows } = await t.services.pool.query<{ action: string; seq: number }>(
      `SELECT e.action, e.seq::int FROM audit_events e JOIN tenants t ON t.id = e.tenant_id
        WHERE t.name = 'Hopper Labs' ORDER BY e.seq`,
    );
    expect(rows).toEqual([
      { action: 'tenant.created', seq: 1 },
      { action: 'member.added', seq: 2 },
    ]);
  });

  it('answers an existing address exactly like a new one and creates no second tenant', async () => {
    const body = {
      name: 'Someone',
      email: 'grace@example.com',
      password: 'another password!',
      organisationName: 'Rival',
    };
    const again = await call(t, 'POST', '/partner/signup', body);
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: 'verification_sent', email: 'grace@example.com' });
    const { rows } = await t.services.pool.query(`SELECT 1 FROM tenants WHERE name = 'Rival'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses a malformed email, a short password or a missing organisation with the failing fields', async () => {
    const bad = await call(t, 'POST', '/partner/signup', {
      name: 'X',
      email: 'not-an-email',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path).sort()).toEqual([
      'body.email',
      'body.organisationName',
      'body.password',
    ]);
  });

  it('creates another tenant, lists both and switches between them; a stranger’s tenant is a 404', async () => {
    const account = await signUpAndSignIn(t, 'multi@example.com', { organisationName: 'First Co' });
    const created = await call(
      t,
      'POST',
      '/partner/tenants',
      { name: 'Second Co' },
      { cookie: account.cookie },
    );
    expect(created.status).toBe(201);
    const second = (await created.json()) as { id: string };
    const listed = (await (await call(t, 'GET', '/partner/tenants', undefined, account)).json()) as {
      data: { id: string; name: string; active: boolean; role: string }[];
    };
    expect(listed.data.map((tenant) => [tenant.name, tenant.active, tenant.role])).toEqual([
      ['First Co', false, 'Owner'],
      ['Second Co', true, 'Owner'],
    ]);
    const first = listed.data.find((tenant) => tenant.name === 'First Co');
    expect((await call(t, 'POST', `/partner/tenants/${first?.id}/switch`, undefined, account)).status).toBe(
      204,
    );
    const after = (await (
      await call(t, 'GET', '/partner/tenants', undefined, account)
    ).json()) as typeof listed;
    expect(after.data.find((tenant) => tenant.active)?.name).toBe('First Co');

    const stranger = await signUpAndSignIn(t, 'stranger@example.com');
    expect((await call(t, 'POST', `/partner/tenants/${second.id}/switch`, undefined, stranger)).status).toBe(
      404,
    );
    expect((await call(t, 'POST', '/partner/tenants/ten_bogus/switch', undefined, stranger)).status).toBe(
      404,
    );
  });

  it('refuses a cookie-authenticated change from another origin, or with no origin at all (CSRF)', async () => {
    const account = await signUpAndSignIn(t, 'csrf@example.com');
    const forged = await call(
      t,
      'POST',
      '/partner/tenants',
      { name: 'Forged' },
      {
        cookie: account.cookie,
        headers: { origin: 'https://evil.example' },
      },
    );
    expect(forged.status).toBe(403);
    const bare = await t.request('/partner/tenants', {
      method: 'POST',
      headers: { cookie: account.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'No origin' }),
    });
    expect(bare.status).toBe(403);
    const { rows } = await t.services.pool.query(
      `SELECT 1 FROM tenants WHERE name IN ('Forged', 'No origin')`,
    );
    expect(rows).toHaveLength(0);
  });
});
