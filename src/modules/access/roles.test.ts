import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { auditActions, json, memberOf, ownerOfNewTenant, roleIdOf, type TeamAccount } from './test-team.js';

interface Role {
  id: string;
  key: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
  memberCount: number;
  pendingInvitationCount: number;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

let t: TestApp;
let owner: TeamAccount;
let admin: TeamAccount;
let viewer: TeamAccount;
let stranger: TeamAccount;

beforeAll(async () => {
  t = await createTestApp();
  owner = await ownerOfNewTenant(t, 'owner@roles.example');
  admin = await memberOf(t, owner.tenantId, 'admin@roles.example', 'admin');
  viewer = await memberOf(t, owner.tenantId, 'viewer@roles.example', 'viewer');
  stranger = await ownerOfNewTenant(t, 'stranger@other.example');
});
afterAll(async () => t?.close());

const createRole = (account: TeamAccount, body: unknown) => call(t, 'POST', '/partner/roles', body, account);

describe('GET /partner/permissions: the catalogue custom roles are built from', () => {
  it('lists tenant permissions with module and built-in holders, and no operator-only ones', async () => {
    const response = await call(t, 'GET', '/partner/permissions', undefined, viewer);
    expect(response.status).toBe(200);
    const { data } = await json<{ data: { name: string; module: { id: string }; builtInRoles: string[] }[] }>(
      response,
    );
    const teamManage = data.find((permission) => permission.name === 'team:manage');
    expect(teamManage).toMatchObject({
      resource: 'team',
      action: 'manage',
      module: { id: 'access', title: 'Team and roles' },
      builtInRoles: ['owner', 'admin'],
    });
    expect(data.map((permission) => permission.name)).not.toContain('tenants:read');
  });

  it('needs a session (401)', async () => {
    expect((await call(t, 'GET', '/partner/permissions')).status).toBe(401);
  });
});

describe('GET /partner/roles', () => {
  it('lists the five built-ins first with effective permissions and member counts', async () => {
    const { data } = await json<{ data: Role[] }>(call(t, 'GET', '/partner/roles', undefined, viewer));
    expect(data.slice(0, 5).map((role) => [role.key, role.builtIn, role.memberCount])).toEqual([
      ['owner', true, 1],
      ['admin', true, 1],
      ['developer', true, 0],
      ['analyst', true, 0],
      ['viewer', true, 1],
    ]);
    const catalogue = await json<{ data: { name: string }[] }>(
      call(t, 'GET', '/partner/permissions', undefined, viewer),
    );
    expect(data[0]?.permissions).toEqual(catalogue.data.map((permission) => permission.name));
    expect(data[4]?.permissions).not.toContain('team:manage');
  });
});

describe('POST /partner/roles', () => {
  it('creates a custom role from catalogue permissions, in catalogue order, audited', async () => {
    const response = await createRole(owner, {
      name: 'Support lead',
      description: 'Reads and manages the team.',
      permissions: ['team:manage', 'apps:read', 'team:read', 'apps:read'],
    });
    expect(response.status).toBe(201);
    const role = await json<Role>(response);
    expect(role).toMatchObject({
      key: 'support-lead',
      name: 'Support lead',
      builtIn: false,
      permissions: ['team:read', 'team:manage', 'apps:read'],
      memberCount: 0,
    });
    expect(role.id).toMatch(/^rol_/);
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('role.created');
  });

  it('refuses an unknown or operator-only permission with 400 naming it', async () => {
    const response = await createRole(owner, { name: 'Bad', permissions: ['apps:read', 'nope:read'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json<Problem>(response);
    expect(problem.detail).toContain('"nope:read"');
    expect(problem.errors).toEqual([
      { path: 'body.permissions.1', message: 'Unknown permission "nope:read".' },
    ]);
    const operatorOnly = await createRole(owner, { name: 'Bad', permissions: ['tenants:read'] });
    expect(operatorOnly.status).toBe(400);
  });

  it('refuses a missing name or permissions list with the failing fields', async () => {
    const response = await createRole(owner, { name: '  ' });
    expect(response.status).toBe(400);
    const problem = await json<Problem>(response);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['body.name', 'body.permissions']);
  });

  it('refuses a name already used, built-in names included, case-insensitively (409)', async () => {
    expect((await createRole(owner, { name: 'support LEAD', permissions: [] })).status).toBe(409);
    expect((await createRole(owner, { name: 'owner', permissions: [] })).status).toBe(409);
  });

  it('refuses permissions the caller does not hold (an Admin cannot write an Owner-like role)', async () => {
    const response = await createRole(admin, { name: 'Sneaky', permissions: ['settings:manage'] });
    expect(response.status).toBe(403);
    expect((await json<Problem>(response)).detail).toContain('settings:manage');
    expect((await createRole(admin, { name: 'Helper', permissions: ['team:read'] })).status).toBe(201);
  });

  it('refuses a Viewer (403: roles:manage)', async () => {
    expect((await createRole(viewer, { name: 'Mine', permissions: [] })).status).toBe(403);
  });
});

describe('PATCH /partner/roles/{roleId}', () => {
  it('renames and re-permissions a custom role, audited with before and after', async () => {
    const id = await roleIdOf(t, owner, 'support-lead');
    const response = await call(
      t,
      'PATCH',
      `/partner/roles/${id}`,
      { name: 'Team lead', permissions: ['team:read'] },
      owner,
    );
    expect(response.status).toBe(200);
    expect(await json<Role>(response)).toMatchObject({
      key: 'support-lead',
      name: 'Team lead',
      permissions: ['team:read'],
    });
    const { rows } = await t.services.pool.query(
      `SELECT before, after FROM audit_events WHERE tenant_id = $1 AND action = 'role.updated'`,
      [owner.tenantId],
    );
    expect(rows).toEqual([
      {
        before: { name: 'Support lead', permissions: ['team:read', 'team:manage', 'apps:read'] },
        after: { name: 'Team lead', permissions: ['team:read'] },
      },
    ]);
  });

  it('refuses built-in roles (409), an empty body (400), another tenant’s or a malformed id (404)', async () => {
    const ownerRole = await roleIdOf(t, owner, 'owner');
    const builtIn = await call(t, 'PATCH', `/partner/roles/${ownerRole}`, { name: 'Boss' }, owner);
    expect(builtIn.status).toBe(409);
    expect((await json<Problem>(builtIn)).detail).toContain('built-in');
    const custom = await roleIdOf(t, owner, 'support-lead');
    expect((await call(t, 'PATCH', `/partner/roles/${custom}`, {}, owner)).status).toBe(400);
    const theirs = await roleIdOf(t, stranger, 'viewer');
    expect((await call(t, 'PATCH', `/partner/roles/${theirs}`, { name: 'X' }, owner)).status).toBe(404);
    expect((await call(t, 'PATCH', '/partner/roles/rol_nope', { name: 'X' }, owner)).status).toBe(404);
    expect((await call(t, 'PATCH', `/partner/roles/${custom}`, { name: 'X' }, viewer)).status).toBe(403);
  });
});

describe('DELETE /partner/roles/{roleId}', () => {
  it('refuses while a member or a pending invitation uses it, then deletes it, audited', async () => {
    const created = await json<Role>(createRole(owner, { name: 'Temp', permissions: ['apps:read'] }));
    const member = await memberOf(t, owner.tenantId, 'temp@roles.example', created.key);
    const inUse = await call(t, 'DELETE', `/partner/roles/${created.id}`, undefined, owner);
    expect(inUse.status).toBe(409);
    expect((await json<Problem>(inUse)).detail).toContain('1 member');

    const memberId = (
      await json<{ data: { id: string; user: { email: string } }[] }>(
        call(t, 'GET', '/partner/team/members', undefined, owner),
      )
    ).data.find((item) => item.user.email === member.email)?.id;
    expect((await call(t, 'DELETE', `/partner/team/members/${memberId}`, undefined, owner)).status).toBe(204);
    const invited = await call(
      t,
      'POST',
      '/partner/team/invitations',
      { email: 'later@roles.example', roleId: created.id },
      owner,
    );
    expect(invited.status).toBe(201);
    const stillUsed = await call(t, 'DELETE', `/partner/roles/${created.id}`, undefined, owner);
    expect(stillUsed.status).toBe(409);
    expect((await json<Problem>(stillUsed)).detail).toContain('1 pending invitation');

    const invitationId = (await json<{ id: string }>(invited)).id;
    expect(
      (await call(t, 'DELETE', `/partner/team/invitations/${invitationId}`, undefined, owner)).status,
    ).toBe(204);
    expect((await call(t, 'DELETE', `/partner/roles/${created.id}`, undefined, owner)).status).toBe(204);
    const roles = await json<{ data: Role[] }>(call(t, 'GET', '/partner/roles', undefined, owner));
    expect(roles.data.map((role) => role.key)).not.toContain('temp');
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('role.deleted');
  });

  it('refuses built-in roles (409) and other tenants’ roles (404)', async () => {
    const viewerRole = await roleIdOf(t, owner, 'viewer');
    expect((await call(t, 'DELETE', `/partner/roles/${viewerRole}`, undefined, owner)).status).toBe(409);
    const theirs = await roleIdOf(t, stranger, 'viewer');
    expect((await call(t, 'DELETE', `/partner/roles/${theirs}`, undefined, owner)).status).toBe(404);
  });
});

describe('custom roles are enforced on real routes', () => {
  it('a role with apps:read only grants exactly that; adding system:read opens GET /partner/system/info', async () => {
    const role = await json<Role>(createRole(owner, { name: 'Apps reader', permissions: ['apps:read'] }));
    const reader = await memberOf(t, owner.tenantId, 'reader@roles.example', role.key);
    const access = await json<{ permissions: string[]; role: { key: string } }>(
      call(t, 'GET', '/partner/access', undefined, reader),
    );
    expect(access.permissions).toEqual(['apps:read']);
    expect(access.role.key).toBe('apps-reader');
    expect((await call(t, 'GET', '/partner/system/info', undefined, reader)).status).toBe(403);
    expect((await call(t, 'GET', '/partner/team/members', undefined, reader)).status).toBe(403);

    const updated = await call(
      t,
      'PATCH',
      `/partner/roles/${role.id}`,
      { permissions: ['apps:read', 'system:read'] },
      owner,
    );
    expect(updated.status).toBe(200);
    expect((await call(t, 'GET', '/partner/system/info', undefined, reader)).status).toBe(200);
  });
});
