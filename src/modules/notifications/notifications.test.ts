import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn, type TestAccount } from '../../../test/harness/accounts.js';
import { ownerAndViewer, send, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { uuidv7 } from '../../kernel/ids/uuidv7.js';
import { type NotifyInput, notify } from './index.js';

let t: TestApp;
let acme: TenantAccounts;
let developer: TestAccount;
let other: TenantAccounts;

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'ntf-acme');
  other = await ownerAndViewer(t, 'ntf-other');
  developer = await signUpAndSignIn(t, 'ntf-developer@example.com', { organisationName: null });
  await t.services.pool.query(
    `INSERT INTO memberships (id, tenant_id, user_id, role_id)
     SELECT $1, $2, $3, id FROM roles WHERE tenant_id = $2 AND key = 'developer'`,
    [uuidv7(), acme.tenantId, developer.userId],
  );
});
afterAll(async () => t?.close());

const base = { title: 'Something happened', body: 'Details.', link: '/keys' };
const send_ = (input: Partial<NotifyInput> & Pick<NotifyInput, 'category'>) =>
  withTenant(t.services.pool, input.tenantId ?? acme.tenantId, (tx) =>
    notify(t.services, tx, { tenantId: acme.tenantId, ...base, ...input }),
  );

/** Notification mails queued for the address (sign-up's verification mail left out). */
async function mailsTo(email: string): Promise<{ to: string; subject: string; text: string }[]> {
  const { rows } = await t.services.pool.query<{ data: { to: string; subject: string; text: string } }>(
    `SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1
        AND data->>'subject' NOT LIKE 'Verify your email%' ORDER BY created_on`,
    [email],
  );
  return rows.map((row) => row.data);
}

describe('notify', () => {
  it('tells Owners and Admins by default, members with a permission, or the named members of the tenant', async () => {
    const byDefault = await send_({ category: 'report_ready' });
    expect(byDefault.notifications.map((n) => n.userId)).toEqual([acme.owner.userId]);
    const byPermission = await send_({ category: 'report_ready', permission: 'keys:write' });
    expect(byPermission.notifications.map((n) => n.userId).sort()).toEqual(
      [acme.owner.userId, developer.userId].sort(),
    );
    // A user of another tenant is no recipient here, even when named.
    const named = await send_({
      category: 'report_ready',
      userIds: [acme.viewer.userId, other.owner.userId],
    });
    expect(named.notifications.map((n) => n.userId)).toEqual([acme.viewer.userId]);
  });

  it('publishes notification.created to each recipient only', async () => {
    const sent = await send_({ category: 'ticket_update', userIds: [acme.viewer.userId] });
    const { rows } = await t.services.pool.query<{ user_id: string; data: { id: string } }>(
      `SELECT user_id, data FROM live_events WHERE type = 'notification.created' AND data->>'id' = $1`,
      [sent.notifications[0]?.id],
    );
    expect(rows).toEqual([
      { user_id: acme.viewer.userId, data: expect.objectContaining({ title: base.title }) },
    ]);
  });

  it('emails the important categories only, unless the user turned email off', async () => {
    await send_({ category: 'report_ready', userIds: [acme.viewer.userId] });
    expect(await mailsTo(acme.viewer.email)).toEqual([]);
    await send_({ category: 'job_failed', userIds: [acme.viewer.userId], title: 'Export failed' });
    const mails = await mailsTo(acme.viewer.email);
    expect(mails.map((mail) => mail.subject)).toEqual(['Export failed']);
    expect(mails[0]?.text).toContain('/keys');

    const off = await send<{ data: { category: string; email: boolean }[] }>(
      t,
      'PUT',
      '/partner/notifications/preferences',
      { preferences: [{ category: 'job_failed', inApp: true, email: false }] },
      acme.viewer,
    );
    expect(off.status).toBe(200);
    expect(off.body.data.find((p) => p.category === 'job_failed')?.email).toBe(false);
    await send_({ category: 'job_failed', userIds: [acme.viewer.userId] });
    expect(await mailsTo(acme.viewer.email)).toHaveLength(1);
  });

  it('skips the in-app notification for a category the user turned off', async () => {
    await send(
      t,
      'PUT',
      '/partner/notifications/preferences',
      { preferences: [{ category: 'drift_alert', inApp: false, email: false }] },
      acme.owner,
    );
    const sent = await send_({ category: 'drift_alert' });
    expect(sent).toEqual({ notifications: [], emailed: [] });
  });

  it('sends once per dedupe key', async () => {
    const first = await send_({ category: 'risk_flag', dedupeKey: 'once-1' });
    const again = await send_({ category: 'risk_flag', dedupeKey: 'once-1' });
    expect(first.notifications).toHaveLength(1);
    expect(again.notifications).toHaveLength(0);
  });
});

describe('notification routes', () => {
  let reader: TestAccount;
  beforeAll(async () => {
    reader = (await ownerAndViewer(t, 'ntf-reader')).owner;
    const { rows } = await t.services.pool.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM memberships WHERE user_id = $1',
      [reader.userId],
    );
    const tenantId = rows[0]?.tenant_id as string;
    for (const title of ['one', 'two', 'three']) {
      await withTenant(t.services.pool, tenantId, (tx) =>
        notify(t.services, tx, {
          tenantId,
          userIds: [reader.userId],
          category: 'report_ready',
          title,
          body: 'b',
        }),
      );
    }
  });

  type Page = { data: { id: string; title: string; readAt: string | null }[]; nextCursor: string | null };

  it('lists newest first by cursor pages, counts unread, marks one and all read', async () => {
    const first = await send<Page>(t, 'GET', '/partner/notifications?limit=2', undefined, reader);
    expect(first.body.data.map((n) => n.title)).toEqual(['three', 'two']);
    const second = await send<Page>(
      t,
      'GET',
      `/partner/notifications?limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      reader,
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ title: 'one' })], nextCursor: null });
    expect((await send(t, 'GET', '/partner/notifications/unread-count', undefined, reader)).body).toEqual({
      count: 3,
    });

    const id = first.body.data[0]?.id as string;
    const read = await send<{ readAt: string | null }>(
      t,
      'POST',
      `/partner/notifications/${id}/read`,
      undefined,
      reader,
    );
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await send<Page>(t, 'GET', '/partner/notifications?unread=true', undefined, reader);
    expect(unread.body.data.map((n) => n.title)).toEqual(['two', 'one']);

    const all = await send(t, 'POST', '/partner/notifications/read-all', undefined, reader);
    expect(all.body).toEqual({ updated: 2 });
    expect((await send(t, 'GET', '/partner/notifications/unread-count', undefined, reader)).body).toEqual({
      count: 0,
    });
  });

  it('answers 404 for another user’s or another tenant’s notification', async () => {
    const mine = await send<Page>(t, 'GET', '/partner/notifications', undefined, reader);
    const id = mine.body.data[0]?.id as string;
    const otherUser = await send(t, 'POST', `/partner/notifications/${id}/read`, undefined, acme.owner);
    expect(otherUser.status).toBe(404);
    expect(otherUser.contentType).toContain('application/problem+json');
    const malformed = await send(t, 'POST', '/partner/notifications/ntf_nope/read', undefined, reader);
    expect(malformed.status).toBe(404);
  });

  it('answers 400 to a bad cursor and to bad preferences', async () => {
    const cursor = await send(t, 'GET', '/partner/notifications?cursor=nonsense', undefined, reader);
    expect(cursor.status).toBe(400);
    const category = await send(
      t,
      'PUT',
      '/partner/notifications/preferences',
      { preferences: [{ category: 'weather', inApp: true, email: true }] },
      reader,
    );
    expect(category.status).toBe(400);
    const empty = await send(t, 'PUT', '/partner/notifications/preferences', { preferences: [] }, reader);
    expect(empty.status).toBe(400);
  });

  it('lists every category in the preferences with the defaults', async () => {
    const prefs = await send<{
      data: { category: string; inApp: boolean; email: boolean; important: boolean }[];
    }>(t, 'GET', '/partner/notifications/preferences', undefined, reader);
    expect(prefs.body.data).toHaveLength(11);
    for (const preference of prefs.body.data) {
      expect(preference.inApp).toBe(true);
      expect(preference.email).toBe(preference.important);
    }
    expect(prefs.body.data.filter((p) => p.important).map((p) => p.category)).toEqual([
      'webhook_disabled',
      'job_failed',
      'key_expiring',
    ]);
  });
});
