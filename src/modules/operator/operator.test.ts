import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  signIn,
  signUpAndSignIn,
  TEST_PASSWORD,
  type TestAccount,
} from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { systemActor } from '../../kernel/http/actor.js';
import { grantOperatorRole } from '../access/index.js';
import { createVerifiedUser } from '../identity/index.js';

let t: TestApp;
let admin: TestAccount;
let support: TestAccount;
let owner: TestAccount;

async function operator(email: string, role: 'operator_admin' | 'operator_support') {
  const { id } = await createVerifiedUser(t.services, { email, name: email, password: TEST_PASSWORD });
  await grantOperatorRole(t.services, { userId: id, userLabel: email, role, actor: systemActor('test') });
  return signIn(t, email);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.services.queue.work(
    t.services.modules.flatMap((module) => module.jobs),
    t.services,
  );
  admin = await operator('admin@operator.example', 'operator_admin');
  support = await operator('support@operator.example', 'operator_support');
  owner = await signUpAndSignIn(t, 'owner@zephyr.example', { organisationName: 'Zephyr Payments' });
});
afterAll(async () => t?.close());

type TenantList = {
  total: number;
  data: { id: string; name: string; owners: string[]; pendingInvitations: number }[];
};

describe('operator console', () => {
  it('lists every tenant with its owners to operator staff, searchable', async () => {
    const all = (await (await call(t, 'GET', '/operator/tenants', undefined, support)).json()) as TenantList;
    expect(all.data.map((tenant) => [tenant.name, tenant.owners])).toEqual([
      ['Zephyr Payments', ['owner@zephyr.example']],
    ]);
    const none = (await (
      await call(t, 'GET', '/operator/tenants?q=nothing%25like', undefined, support)
    ).json()) as TenantList;
    expect(none.total).toBe(0);
  });

  it('refuses tenant members and operator support what their role does not grant', async () => {
    expect((await call(t, 'GET', '/operator/tenants', undefined, owner)).status).toBe(403);
    const body = { name: 'Nope', ownerEmail: 'x@example.com' };
    expect((await call(t, 'POST', '/operator/tenants', body, support)).status).toBe(403);
    expect((await call(t, 'GET', '/operator/mailbox', undefined, support)).status).toBe(403);
  });

  it('creates a tenant and invites its first Owner, who joins by signing up from the mailed link', async () => {
    const created = await call(
      t,
      'POST',
      '/operator/tenants',
      { name: 'Acme Bank', type: 'bank', tier: 'growth', ownerEmail: 'Ada@Acme-Bank.example' },
      admin,
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      name: 'Acme Bank',
      type: 'bank',
      owners: [],
      pendingInvitations: 1,
    });

    let link: string | undefined;
    await expect
      .poll(
        async () => {
          const mailbox = (await (
            await call(t, 'GET', '/operator/mailbox?to=ada@acme-bank', undefined, admin)
          ).json()) as { delivery: string; data: { subject: string; text: string }[] };
          link = mailbox.data[0]?.text.match(/https?:\/\/\S+/)?.[0];
          return mailbox.data.map((mail) => mail.subject);
        },
        { timeout: 15_000 },
      )
      .toEqual(['Join Acme Bank on Atrium']);
    const token = new URL(link as string).searchParams.get('token');
    const joined = await call(t, 'POST', '/partner/signup', {
      name: 'Ada',
      email: 'ada@acme-bank.example',
      password: TEST_PASSWORD,
      invitationToken: token,
    });
    expect(await joined.json()).toMatchObject({ status: 'joined' });
    const ada = await signIn(t, 'ada@acme-bank.example');
    const access = (await (await call(t, 'GET', '/partner/access', undefined, ada)).json()) as {
      tenant: { name: string };
      role: { key: string };
    };
    expect(access).toMatchObject({ tenant: { name: 'Acme Bank' }, role: { key: 'owner' } });
  });

  it('refuses a malformed owner address and creates nothing', async () => {
    const response = await call(
      t,
      'POST',
      '/operator/tenants',
      { name: 'Broken', ownerEmail: 'not-an-email' },
      admin,
    );
    expect(response.status).toBe(400);
    const { rows } = await t.services.pool.query(`SELECT 1 FROM tenants WHERE name = 'Broken'`);
    expect(rows).toHaveLength(0);
  });
});
