import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import {
  auditActions,
  json,
  memberIdOf,
  memberOf,
  ownerOfNewTenant,
  roleIdOf,
  type TeamAccount,
} from './test-team.js';

interface Member {
  id: string;
  user: { id: string; name: string; email: string };
  role: { id: string; key: string; name: string };
  status: string;
  joinedAt: string;
  isYou: boolean;
}
interface Problem {
  detail: string;
  errors?: { path: string }[];
}

let t: TestApp;
let owner: TeamAccount;
let admin: TeamAccount;
let viewer: TeamAccount;
let stranger: TeamAccount;

beforeAll(async () => {
  t = await createTestApp();
  owner = await ownerOfNewTenant(t, 'owner@team.example');
  admin = await memberOf(t, owner.tenantId, 'admin@team.example', 'admin');
  viewer = await memberOf(t, owner.tenantId, 'viewer@team.example', 'viewer');
  stranger = await ownerOfNewTenant(t, 'stranger@other.example');
});
afterAll(async () => t?.close());

const setRole = (account: TeamAccount, memberId: string, roleId: string) =>
  call(t, 'PATCH', `/partner/team/members/${memberId}`, { roleId }, account);
const remove = (account: TeamAccount, memberId: string) =>
  call(t, 'DELETE', `/partner/team/members/${memberId}`, undefined, account);

describe('GET /partner/team/members', () => {
  it('lists the tenant’s members with name, email, role, join date and who “you” are', async () => {
    const response = await call(t, 'GET', '/partner/team/members', undefined, viewer);
    expect(response.status).toBe(200);
    const { data } = await json<{ data: Member[] }>(response);
    expect(data.map((member) => [member.user.email, member.role.key, member.status, member.isYou])).toEqual([
      ['owner@team.example', 'owner', 'active', false],
      ['admin@team.example', 'admin', 'active', false],
      ['viewer@team.example', 'viewer', 'active', true],
    ]);
    expect(data[0]?.id).toMatch(/^mem_/);
    expect(data[0]?.user.id).toMatch(/^usr_/);
    expect(data[0]?.user.name).toBe('owner');
    expect(Number.isNaN(Date.parse(data[0]?.joinedAt ?? ''))).toBe(false);
  });
});

describe('PATCH /partner/team/members/{memberId}', () => {
  it('changes a role, audited with before and after', async () => {
    const member = await memberOf(t, owner.tenantId, 'dev@team.example', 'developer');
    const memberId = await memberIdOf(t, admin, member.email);
    const response = await setRole(admin, memberId, await roleIdOf(t, admin, 'analyst'));
    expect(response.status).toBe(200);
    expect((await json<Member>(response)).role.key).toBe('analyst');
    const { rows } = await t.services.pool.query(
      `SELECT actor_label, target_label, before, after FROM audit_events
        WHERE tenant_id = $1 AND action = 'member.role_changed'`,
      [owner.tenantId],
    );
    expect(rows).toEqual([
      {
        actor_label: 'admin@team.example',
        target_label: 'dev@team.example',
        before: { role: 'developer' },
        after: { role: 'analyst' },
      },
    ]);
    const access = await json<{ role: { key: string } }>(
      call(t, 'GET', '/partner/access', undefined, member),
    );
    expect(access.role.key).toBe('analyst');
  });

  it('refuses an unknown, malformed or other tenant’s role as a field error (400)', async () => {
    const memberId = await memberIdOf(t, owner, viewer.email);
    for (const roleId of ['rol_nope', await roleIdOf(t, stranger, 'admin'), 42]) {
      const response = await call(t, 'PATCH', `/partner/team/members/${memberId}`, { roleId }, owner);
      expect(response.status).toBe(400);
      expect((await json<Problem>(response)).errors?.map((error) => error.path)).toEqual(['body.roleId']);
    }
  });

  it('answers 404 for another tenant’s member or a malformed id, and 403 to a Viewer', async () => {
    const viewerRole = await roleIdOf(t, owner, 'viewer');
    const theirs = await memberIdOf(t, stranger, stranger.email);
    expect((await setRole(owner, theirs, viewerRole)).status).toBe(404);
    expect((await setRole(owner, 'mem_bogus', viewerRole)).status).toBe(404);
    expect((await setRole(owner, 'inv_01jf8z6x3m4r5t6v7w8x9y0z1a', viewerRole)).status).toBe(404);
    const adminId = await memberIdOf(t, owner, admin.email);
    expect((await setRole(viewer, adminId, viewerRole)).status).toBe(403);
  });

  it('lets only an Owner grant or remove the Owner role', async () => {
    const ownerRole = await roleIdOf(t, owner, 'owner');
    const viewerId = await memberIdOf(t, owner, viewer.email);
    const grant = await setRole(admin, viewerId, ownerRole);
    expect(grant.status).toBe(403);
    expect((await json<Problem>(grant)).detail).toContain('Only an Owner');
    const ownerId = await memberIdOf(t, owner, owner.email);
    expect((await setRole(admin, ownerId, await roleIdOf(t, owner, 'viewer'))).status).toBe(403);
  });

  it('does not let a non-Owner change their own role', async () => {
    const adminId = await memberIdOf(t, admin, admin.email);
    const response = await setRole(admin, adminId, await roleIdOf(t, admin, 'viewer'));
    expect(response.status).toBe(403);
    expect((await json<Problem>(response)).detail).toContain('your own role');
  });

  it('never demotes the last Owner; with a second Owner, an Owner may step down', async () => {
    const ownerId = await memberIdOf(t, owner, owner.email);
    const adminRole = await roleIdOf(t, owner, 'admin');
    const last = await setRole(owner, ownerId, adminRole);
    expect(last.status).toBe(409);
    expect((await json<Problem>(last)).detail).toContain('last Owner');

    const second = await memberOf(t, owner.tenantId, 'second@team.example', 'viewer');
    const secondId = await memberIdOf(t, owner, second.email);
    expect((await setRole(owner, secondId, await roleIdOf(t, owner, 'owner'))).status).toBe(200);
    expect((await setRole(owner, ownerId, adminRole)).status).toBe(200);
    expect((await setRole(second, ownerId, await roleIdOf(t, owner, 'owner'))).status).toBe(200);
  });
});

describe('DELETE /partner/team/members/{memberId} and POST /partner/team/leave', () => {
  it('removes a member, audited; their session loses the tenant at once', async () => {
    const leaving = await memberOf(t, owner.tenantId, 'gone@team.example', 'developer');
    const memberId = await memberIdOf(t, admin, leaving.email);
    expect((await remove(admin, memberId)).status).toBe(204);
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('member.removed');
    const access = await json<{ tenant: unknown; permissions: string[] }>(
      call(t, 'GET', '/partner/access', undefined, leaving),
    );
    expect(access).toMatchObject({ tenant: null, permissions: [] });
    expect((await remove(admin, memberId)).status).toBe(404);
  });

  it('refuses a Viewer (403), another tenant’s member (404), and an Admin removing an Owner (403)', async () => {
    const adminId = await memberIdOf(t, owner, admin.email);
    expect((await remove(viewer, adminId)).status).toBe(403);
    expect((await remove(owner, await memberIdOf(t, stranger, stranger.email))).status).toBe(404);
    expect((await remove(owner, 'mem_')).status).toBe(404);
    expect((await remove(admin, await memberIdOf(t, owner, owner.email))).status).toBe(403);
  });

  it('lets any member leave, but not the last Owner', async () => {
    const leaver = await memberOf(t, owner.tenantId, 'leaver@team.example', 'viewer');
    expect((await call(t, 'POST', '/partner/team/leave', undefined, leaver)).status).toBe(204);
    const members = await json<{ data: Member[] }>(call(t, 'GET', '/partner/team/members', undefined, owner));
    expect(members.data.map((member) => member.user.email)).not.toContain(leaver.email);

    const solo = await ownerOfNewTenant(t, 'solo@solo.example');
    const refused = await call(t, 'POST', '/partner/team/leave', undefined, solo);
    expect(refused.status).toBe(409);
    expect((await json<Problem>(refused)).detail).toContain('You are the last Owner');
    expect((await remove(solo, await memberIdOf(t, solo, solo.email))).status).toBe(409);
  });
});

describe('the last Owner survives concurrent changes', () => {
  async function twoOwners(name: string) {
    const first = await ownerOfNewTenant(t, `first@${name}.example`);
    const second = await memberOf(t, first.tenantId, `second@${name}.example`, 'owner');
    return {
      first,
      second,
      firstId: await memberIdOf(t, first, first.email),
      secondId: await memberIdOf(t, first, second.email),
      adminRole: await roleIdOf(t, first, 'admin'),
    };
  }
  const owners = async (tenantId: string) =>
    (
      await t.services.pool.query<{ owners: number }>(
        `SELECT count(*)::int AS owners FROM memberships m JOIN roles r ON r.id = m.role_id
          WHERE m.tenant_id = $1 AND r.key = 'owner'`,
        [tenantId],
      )
    ).rows[0]?.owners;

  // Several rounds: one unlucky interleaving is enough to lose the tenant's last Owner.
  it('two Owners stepping down at the same moment: one succeeds, the other is the last (409)', async () => {
    for (let round = 0; round < 5; round++) {
      const team = await twoOwners(`step-down-${round}`);
      const answers = await Promise.all([
        setRole(team.first, team.firstId, team.adminRole),
        setRole(team.second, team.secondId, team.adminRole),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await owners(team.first.tenantId)).toBe(1);
    }
  });

  it('two Owners demoting each other at the same moment leave exactly one Owner', async () => {
    for (let round = 0; round < 5; round++) {
      const team = await twoOwners(`demote-${round}`);
      const answers = await Promise.all([
        setRole(team.first, team.secondId, team.adminRole),
        setRole(team.second, team.firstId, team.adminRole),
      ]);
      // The loser is no longer an Owner by the time its turn comes (403), or would remove the last (409).
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      expect(await owners(team.first.tenantId)).toBe(1);
    }
  });

  it('two Owners removing each other at the same moment leave exactly one Owner', async () => {
    const team = await twoOwners('remove-race');
    const answers = await Promise.all([remove(team.first, team.secondId), remove(team.second, team.firstId)]);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(1);
    expect(await owners(team.first.tenantId)).toBe(1);
  });
});
