import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { insertHourRollups } from '../../../test/harness/rollups.js';
import {
  auditEvents,
  errorPaths,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { fromPublicId } from '../../kernel/ids/public-id.js';

type App = {
  id: string;
  project: { id: string; name: string };
  name: string;
  environment: string;
  ipAllowlist: string[];
  settings: Record<string, unknown>;
};
type AppList = { data: App[]; nextCursor: string | null };

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
let issuing: string;
let lending: string;
beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'acme');
  rival = await ownerAndViewer(t, 'rival');
  issuing = (await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Issuing' }, acme.owner)).body
    .id;
  lending = (await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Lending' }, acme.owner)).body
    .id;
});
afterAll(async () => t?.close());

const create = (body: Record<string, unknown>, as = acme.owner) =>
  send<App & Problem>(
    t,
    'POST',
    '/partner/apps',
    { projectId: issuing, environment: 'sandbox', ...body },
    as,
  );

describe('apps: create', () => {
  it('creates an app with a normalised allowlist and settings, audited', async () => {
    const created = await create({
      name: 'Issuing backend',
      environment: 'production',
      ipAllowlist: ['203.0.113.7', '2001:DB8:0:0::/64', '10.0.0.0/8', '203.0.113.7/32'],
      settings: { callbackUrl: 'https://example.test/cb', retries: 3 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      project: { id: issuing, name: 'Issuing' },
      name: 'Issuing backend',
      environment: 'production',
      ipAllowlist: ['203.0.113.7/32', '2001:db8::/64', '10.0.0.0/8'],
      settings: { callbackUrl: 'https://example.test/cb', retries: 3 },
    });
    expect(created.body.id).toMatch(/^app_[0-9a-z]{26}$/);
    const [event] = await auditEvents(t, acme.tenantId, 'app.created');
    expect(event).toMatchObject({
      target_id: created.body.id,
      target_label: 'Issuing backend',
      after: { environment: 'production', ipAllowlist: ['203.0.113.7/32', '2001:db8::/64', '10.0.0.0/8'] },
      metadata: { project: { id: issuing, name: 'Issuing' } },
    });
  });

  it('lists each bad allowlist entry by index in one 400, and writes nothing', async () => {
    const bad = await create({
      name: 'Bad allowlist',
      ipAllowlist: ['10.0.0.0/8', '10.0.0.5/24', 'example.com', '2001:db8::/129', 'fe80::1%eth0'],
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      { path: 'body.ipAllowlist.1', message: 'Host bits are set after /24; the network is 10.0.0.0/24.' },
      { path: 'body.ipAllowlist.2', message: 'Not an IPv4 or IPv6 address or CIDR block.' },
      { path: 'body.ipAllowlist.3', message: 'The prefix length must be a whole number from 0 to 128.' },
      { path: 'body.ipAllowlist.4', message: 'Not an IPv4 or IPv6 address or CIDR block.' },
    ]);
    const { rows } = await t.services.pool.query(`SELECT 1 FROM apps WHERE name = 'Bad allowlist'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses more than 100 entries, settings over 16 KB or not an object, and an unknown environment', async () => {
    const many = Array.from({ length: 101 }, (_, index) => `10.0.${index}.0/24`);
    expect(errorPaths((await create({ name: 'Many', ipAllowlist: many })).body)).toEqual([
      'body.ipAllowlist',
    ]);
    const big = { blob: 'x'.repeat(16 * 1024) };
    expect(errorPaths((await create({ name: 'Big', settings: big })).body)).toEqual(['body.settings']);
    expect(errorPaths((await create({ name: 'List', settings: [1, 2] })).body)).toEqual(['body.settings']);
    const wrong = await create({ name: '', environment: 'staging' });
    expect(wrong.status).toBe(400);
    expect(errorPaths(wrong.body)).toEqual(['body.environment', 'body.name']);
  });

  it('refuses a name taken in the same project (409), but not in another project', async () => {
    expect((await create({ name: 'Twin' })).status).toBe(201);
    const twin = await create({ name: 'TWIN' });
    expect(twin.status).toBe(409);
    expect(twin.body.code).toBe('conflict');
    expect((await create({ name: 'Twin', projectId: lending })).status).toBe(201);
  });

  it('answers 404 for a project of another tenant or a malformed project id', async () => {
    const theirs = (
      await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Theirs' }, rival.owner)
    ).body.id;
    for (const projectId of [theirs, 'prj_nonsense', 'x']) {
      const response = await create({ name: 'Stray', projectId });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
  });
});

describe('apps: list, get, overview', () => {
  it('filters by project and environment, searches by name, and pages by cursor', async () => {
    await create({ name: 'Card 100% sandbox', projectId: lending });
    const byProject = await send<AppList>(
      t,
      'GET',
      `/partner/apps?projectId=${lending}`,
      undefined,
      acme.owner,
    );
    expect(byProject.body.data.every((app) => app.project.id === lending)).toBe(true);
    expect(byProject.body.data.map((app) => app.name).sort()).toEqual(['Card 100% sandbox', 'Twin']);

    const production = await send<AppList>(
      t,
      'GET',
      '/partner/apps?environment=production',
      undefined,
      acme.owner,
    );
    expect(production.body.data.map((app) => app.name)).toEqual(['Issuing backend']);

    const search = await send<AppList>(
      t,
      'GET',
      `/partner/apps?q=${encodeURIComponent('100%')}`,
      undefined,
      acme.owner,
    );
    expect(search.body.data.map((app) => app.name)).toEqual(['Card 100% sandbox']);
    const percent = await send<AppList>(t, 'GET', '/partner/apps?q=%25', undefined, acme.owner);
    expect(percent.body.data.map((app) => app.name)).toEqual(['Card 100% sandbox']);

    const all = await send<AppList>(t, 'GET', '/partner/apps', undefined, acme.owner);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: { body: AppList } = await send<AppList>(
        t,
        'GET',
        `/partner/apps${query}`,
        undefined,
        acme.owner,
      );
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((app) => app.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((app) => app.id));
    expect(all.body.data.length).toBeGreaterThan(2);
  });

  it('answers 400 for a bad limit or cursor and 404 for a malformed project filter', async () => {
    const limit = await send<Problem>(t, 'GET', '/partner/apps?limit=0', undefined, acme.owner);
    expect(errorPaths(limit.body)).toEqual(['query.limit']);
    const cursor = await send<Problem>(t, 'GET', '/partner/apps?cursor=garbage', undefined, acme.owner);
    expect(errorPaths(cursor.body)).toEqual(['query.cursor']);
    expect((await call(t, 'GET', '/partner/apps?projectId=nope', undefined, acme.owner)).status).toBe(404);
  });

  it('shows an app with its overview: changes from the audit trail, its own calls of the last 7 days', async () => {
    const { body: app } = await create({ name: 'Overview app' });
    const { body: other } = await create({ name: 'Other app' });
    const appId = fromPublicId('app', app.id) as string;
    const hourAgo = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
    await insertHourRollups(t.services.pool, [
      { tenantId: acme.tenantId, appId, bucket: hourAgo, statusClass: 2, requests: 3 },
      { tenantId: acme.tenantId, appId, bucket: hourAgo, statusClass: 4, requests: 2 },
      { tenantId: acme.tenantId, appId, bucket: hourAgo, statusClass: 5, requests: 1 },
      // Outside the window, and another app's: neither counts.
      { tenantId: acme.tenantId, appId, bucket: new Date(Date.now() - 8 * 86_400_000), requests: 50 },
      {
        tenantId: acme.tenantId,
        appId: fromPublicId('app', other.id) as string,
        bucket: hourAgo,
        requests: 9,
      },
    ]);
    await send(t, 'PATCH', `/partner/apps/${app.id}`, { description: 'Now described.' }, acme.owner);
    const got = await send<App>(t, 'GET', `/partner/apps/${app.id}`, undefined, acme.owner);
    expect(got.body).toMatchObject({ id: app.id, name: 'Overview app' });
    const overview = await send<{
      app: App;
      project: { id: string; appCount: number };
      activity: { from: string; to: string; changes: number; traffic: Record<string, unknown> };
    }>(t, 'GET', `/partner/apps/${app.id}/overview`, undefined, acme.owner);
    expect(overview.status).toBe(200);
    expect(overview.body.app.id).toBe(app.id);
    expect(overview.body.project.id).toBe(issuing);
    expect(overview.body.activity.changes).toBe(2);
    expect(overview.body.activity.traffic).toEqual({
      source: 'request_log',
      calls: 6,
      errors: 3,
    });
    const days =
      (Date.parse(overview.body.activity.to) - Date.parse(overview.body.activity.from)) / 86_400_000;
    expect(days).toBe(7);
  });
});

describe('apps: update and delete', () => {
  it('replaces the allowlist and settings, audited with before/after; unchanged values write nothing', async () => {
    const { body: app } = await create({
      name: 'Editable',
      ipAllowlist: ['192.0.2.0/24'],
      settings: { a: 1, bb: 2 },
    });
    const updated = await send<App>(
      t,
      'PATCH',
      `/partner/apps/${app.id}`,
      { ipAllowlist: ['198.51.100.0/24', '2001:db8::1'] },
      acme.owner,
    );
    expect(updated.status).toBe(200);
    expect(updated.body.ipAllowlist).toEqual(['198.51.100.0/24', '2001:db8::1/128']);
    // Same content, other key order: jsonb stores keys in its own order, so this is no change.
    await send(
      t,
      'PATCH',
      `/partner/apps/${app.id}`,
      { settings: { bb: 2, a: 1 }, name: 'Editable' },
      acme.owner,
    );

    const events = (await auditEvents(t, acme.tenantId, 'app.updated')).filter(
      (event) => event.target_id === app.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      before: { ipAllowlist: ['192.0.2.0/24'] },
      after: { ipAllowlist: ['198.51.100.0/24', '2001:db8::1/128'] },
      metadata: { changed: ['ipAllowlist'] },
    });
  });

  it('reports bad allowlist entries on update by index and keeps the old list', async () => {
    const { body: app } = await create({ name: 'Guarded', ipAllowlist: ['192.0.2.0/24'] });
    const bad = await send<Problem>(
      t,
      'PATCH',
      `/partner/apps/${app.id}`,
      { ipAllowlist: ['192.0.2.0/24', '192.0.2.1/24'] },
      acme.owner,
    );
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['body.ipAllowlist.1']);
    const after = await send<App>(t, 'GET', `/partner/apps/${app.id}`, undefined, acme.owner);
    expect(after.body.ipAllowlist).toEqual(['192.0.2.0/24']);
  });

  it('refuses a rename onto a sibling’s name (409)', async () => {
    const { body: app } = await create({ name: 'Sibling' });
    const clash = await send<Problem>(t, 'PATCH', `/partner/apps/${app.id}`, { name: 'twin' }, acme.owner);
    expect(clash.status).toBe(409);
  });

  it('deletes an app, audited with what it was', async () => {
    const { body: app } = await create({ name: 'Short-lived', environment: 'production' });
    expect((await call(t, 'DELETE', `/partner/apps/${app.id}`, undefined, acme.owner)).status).toBe(204);
    expect((await call(t, 'GET', `/partner/apps/${app.id}`, undefined, acme.owner)).status).toBe(404);
    expect((await call(t, 'DELETE', `/partner/apps/${app.id}`, undefined, acme.owner)).status).toBe(404);
    const [event] = (await auditEvents(t, acme.tenantId, 'app.deleted')).filter(
      (row) => row.target_id === app.id,
    );
    expect(event).toMatchObject({ before: { name: 'Short-lived', environment: 'production' }, after: null });
  });
});

describe('apps: isolation and permissions', () => {
  it('answers 404 for another tenant’s app and malformed ids on every operation', async () => {
    const theirProject = (
      await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Hidden' }, rival.owner)
    ).body.id;
    const theirs = (await create({ name: 'Their app', projectId: theirProject }, rival.owner)).body.id;
    for (const id of [theirs, 'app_bogus', issuing]) {
      expect((await call(t, 'GET', `/partner/apps/${id}`, undefined, acme.owner)).status).toBe(404);
      expect((await call(t, 'GET', `/partner/apps/${id}/overview`, undefined, acme.owner)).status).toBe(404);
      expect((await call(t, 'PATCH', `/partner/apps/${id}`, { name: 'Mine' }, acme.owner)).status).toBe(404);
      expect((await call(t, 'DELETE', `/partner/apps/${id}`, undefined, acme.owner)).status).toBe(404);
    }
    const mine = await send<AppList>(
      t,
      'GET',
      `/partner/apps?projectId=${theirProject}`,
      undefined,
      acme.owner,
    );
    expect(mine.body.data).toEqual([]);
    const still = await send<App>(t, 'GET', `/partner/apps/${theirs}`, undefined, rival.owner);
    expect(still.body.name).toBe('Their app');
  });

  it('lets a Viewer read apps but not create, change or delete them (403)', async () => {
    const { body: app } = await create({ name: 'Read only' });
    expect((await call(t, 'GET', '/partner/apps', undefined, acme.viewer)).status).toBe(200);
    expect((await call(t, 'GET', `/partner/apps/${app.id}/overview`, undefined, acme.viewer)).status).toBe(
      200,
    );
    const denied = [
      await call(
        t,
        'POST',
        '/partner/apps',
        { projectId: issuing, name: 'No', environment: 'sandbox' },
        acme.viewer,
      ),
      await call(t, 'PATCH', `/partner/apps/${app.id}`, { name: 'No' }, acme.viewer),
      await call(t, 'DELETE', `/partner/apps/${app.id}`, undefined, acme.viewer),
    ];
    expect(denied.map((response) => response.status)).toEqual([403, 403, 403]);
  });
});
