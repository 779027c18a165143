import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerAndViewer, send, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { notifyExpiringKeysJob } from './jobs/notify-expiring-keys.js';

let t: TestApp;
let acme: TenantAccounts;
let appId: string;

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'expiry');
  const project = (await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'P' }, acme.owner)).body
    .id;
  appId = (
    await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project, name: 'Backend', environment: 'production' },
      acme.owner,
    )
  ).body.id;
});
afterAll(async () => t?.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const createKey = (label: string, expiresAt: string) =>
  send(t, 'POST', '/partner/api-keys', { appId, label, scopes: ['apps:read'], expiresAt }, acme.owner);

async function keyNotifications() {
  const { rows } = await t.services.pool.query<{ user_id: string; title: string }>(
    `SELECT user_id, title FROM notifications WHERE tenant_id = $1 AND category = 'key_expiring' ORDER BY id`,
    [acme.tenantId],
  );
  return rows;
}

describe('keys.notify-expiring', () => {
  it('notifies the key managers once about a key expiring within 7 days, and mails them', async () => {
    expect((await createKey('Soon', inDays(3))).status).toBe(201);
    expect((await createKey('Later', inDays(30))).status).toBe(201);
    await notifyExpiringKeysJob.handle({}, t.services);
    await notifyExpiringKeysJob.handle({}, t.services);

    const sent = await keyNotifications();
    // The Owner manages keys; the Viewer does not.
    expect(sent).toEqual([
      { user_id: acme.owner.userId, title: expect.stringMatching(/^API key “Soon” expires in [23] days$/) },
    ]);
    const { rows } = await t.services.pool.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' LIKE 'API key “Soon”%'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('leaves revoked keys alone', async () => {
    const key = await createKey('Revoked', inDays(2));
    await send(
      t,
      'POST',
      `/partner/api-keys/${(key.body as { id: string }).id}/revoke`,
      undefined,
      acme.owner,
    );
    await notifyExpiringKeysJob.handle({}, t.services);
    expect((await keyNotifications()).map((row) => row.title)).not.toContainEqual(
      expect.stringContaining('Revoked'),
    );
  });
});
