import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import {
  auditEvents,
  errorPaths,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';

type Project = { id: string; name: string; description: string; appCount: number };

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'acme');
  rival = await ownerAndViewer(t, 'rival');
});
afterAll(async () => t?.close());

const create = (body: unknown, as = acme.owner) =>
  send<Project & Problem>(t, 'POST', '/partner/projects', body, as);

describe('projects: create, list, get', () => {
  it('creates a project, audited, and lists it by name with its app count', async () => {
    const created = await create({ name: 'Card issuing', description: 'Cards for retail customers.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Card issuing',
      description: 'Cards for retail customers.',
      appCount: 0,
    });
    expect(created.body.id).toMatch(/^prj_[0-9a-z]{26}$/);
    await create({ name: 'acquiring' });

    const list = await send<{ data: Project[] }>(t, 'GET', '/partner/projects', undefined, acme.owner);
    expect(list.status).toBe(200);
    expect(list.body.data.map((project) => project.name)).toEqual(['acquiring', 'Card issuing']);

    const got = await send<Project>(t, 'GET', `/partner/projects/${created.body.id}`, undefined, acme.owner);
    expect(got.body).toEqual(created.body);

    const events = await auditEvents(t, acme.tenantId, 'project.');
    expect(events[0]).toMatchObject({
      action: 'project.created',
      target_id: created.body.id,
      target_label: 'Card issuing',
      before: null,
      after: { name: 'Card issuing', description: 'Cards for retail customers.' },
    });
  });

  it('refuses a name already taken in any case with 409, and writes nothing', async () => {
    const duplicate = await create({ name: '  CARD ISSUING ' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.contentType).toContain('application/problem+json');
    expect(duplicate.body.code).toBe('conflict');
    const { rows } = await t.services.pool.query(
      `SELECT 1 FROM projects WHERE tenant_id = $1 AND lower(name) = 'card issuing'`,
      [acme.tenantId],
    );
    expect(rows).toHaveLength(1);
  });

  it('lets another tenant use the same name', async () => {
    expect((await create({ name: 'Card issuing' }, rival.owner)).status).toBe(201);
  });

  it('answers 400 with the failing fields', async () => {
    const bad = await create({ name: '   ', description: 'x'.repeat(501) });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['body.description', 'body.name']);
  });
});

describe('projects: update and delete', () => {
  it('renames with before/after in the audit trail; a change to nothing writes nothing', async () => {
    const { body: project } = await create({ name: 'Loans' });
    const renamed = await send<Project>(
      t,
      'PATCH',
      `/partner/projects/${project.id}`,
      { name: 'Lending' },
      acme.owner,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Lending');
    const same = await send(
      t,
      'PATCH',
      `/partner/projects/${project.id}`,
      { name: 'Lending', description: '' },
      acme.owner,
    );
    expect(same.status).toBe(200);

    const updates = (await auditEvents(t, acme.tenantId, 'project.updated')).filter(
      (event) => event.target_id === project.id,
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ before: { name: 'Loans' }, after: { name: 'Lending' } });
  });

  it('refuses a rename onto another project’s name (409) and an empty change (400)', async () => {
    const { body: project } = await create({ name: 'Savings' });
    const clash = await send<Problem>(
      t,
      'PATCH',
      `/partner/projects/${project.id}`,
      { name: 'ACQUIRING' },
      acme.owner,
    );
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('conflict');
    const empty = await send<Problem>(t, 'PATCH', `/partner/projects/${project.id}`, {}, acme.owner);
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('validation_failed');
  });

  it('refuses to delete a project that still has apps, then deletes it once empty, audited', async () => {
    const { body: project } = await create({ name: 'Payouts' });
    const app = await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project.id, name: 'Payout worker', environment: 'sandbox' },
      acme.owner,
    );
    expect(app.status).toBe(201);
    const counted = await send<Project>(t, 'GET', `/partner/projects/${project.id}`, undefined, acme.owner);
    expect(counted.body.appCount).toBe(1);

    const refused = await send<Problem>(
      t,
      'DELETE',
      `/partner/projects/${project.id}`,
      undefined,
      acme.owner,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('still has 1 app');

    expect((await call(t, 'DELETE', `/partner/apps/${app.body.id}`, undefined, acme.owner)).status).toBe(204);
    expect((await call(t, 'DELETE', `/partner/projects/${project.id}`, undefined, acme.owner)).status).toBe(
      204,
    );
    expect((await call(t, 'GET', `/partner/projects/${project.id}`, undefined, acme.owner)).status).toBe(404);
    const [deleted] = (await auditEvents(t, acme.tenantId, 'project.deleted')).filter(
      (event) => event.target_id === project.id,
    );
    expect(deleted).toMatchObject({ before: { name: 'Payouts', description: '' }, after: null });
  });
});

describe('projects: isolation and permissions', () => {
  it('answers 404 for another tenant’s project and for malformed ids, and changes nothing', async () => {
    const { body: theirs } = await create({ name: 'Secret plans' }, rival.owner);
    for (const id of [theirs.id, 'prj_bogus', 'app_01jf8z7k2n3p4q5r6s7t8v9w0x', 'not-an-id']) {
      expect((await call(t, 'GET', `/partner/projects/${id}`, undefined, acme.owner)).status).toBe(404);
      expect((await call(t, 'PATCH', `/partner/projects/${id}`, { name: 'Mine' }, acme.owner)).status).toBe(
        404,
      );
      expect((await call(t, 'DELETE', `/partner/projects/${id}`, undefined, acme.owner)).status).toBe(404);
    }
    const list = await send<{ data: Project[] }>(t, 'GET', '/partner/projects', undefined, acme.owner);
    expect(list.body.data.map((project) => project.id)).not.toContain(theirs.id);
    const still = await send<Project>(t, 'GET', `/partner/projects/${theirs.id}`, undefined, rival.owner);
    expect(still.body.name).toBe('Secret plans');
  });

  it('lets a Viewer read but not create, change or delete (403)', async () => {
    const { body: project } = await create({ name: 'Viewer test' });
    expect((await call(t, 'GET', '/partner/projects', undefined, acme.viewer)).status).toBe(200);
    expect((await call(t, 'GET', `/partner/projects/${project.id}`, undefined, acme.viewer)).status).toBe(
      200,
    );
    const denied = [
      await call(t, 'POST', '/partner/projects', { name: 'Nope' }, acme.viewer),
      await call(t, 'PATCH', `/partner/projects/${project.id}`, { name: 'Nope' }, acme.viewer),
      await call(t, 'DELETE', `/partner/projects/${project.id}`, undefined, acme.viewer),
    ];
    expect(denied.map((response) => response.status)).toEqual([403, 403, 403]);
    expect((await call(t, 'GET', `/partner/projects/${project.id}`, undefined, acme.owner)).status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    expect((await call(t, 'GET', '/partner/projects')).status).toBe(401);
  });
});
