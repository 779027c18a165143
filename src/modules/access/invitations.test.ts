import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, signUpAndSignIn, TEST_PASSWORD } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { listMailbox } from '../mail/index.js';
import { INVITATION_ACCEPT_PATH } from './contract.js';
import {
  auditActions,
  invitationToken,
  json,
  memberOf,
  ownerOfNewTenant,
  roleIdOf,
  type TeamAccount,
} from './test-team.js';

interface Invitation {
  id: string;
  email: string;
  role: { key: string };
  status: string;
  invitedBy: { email: string } | null;
  expiresAt: string;
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
let developerRole: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.services.queue.work(
    t.services.modules.flatMap((module) => module.jobs),
    t.services,
  );
  owner = await ownerOfNewTenant(t, 'owner@invite.example');
  admin = await memberOf(t, owner.tenantId, 'admin@invite.example', 'admin');
  viewer = await memberOf(t, owner.tenantId, 'viewer@invite.example', 'viewer');
  stranger = await ownerOfNewTenant(t, 'stranger@other.example');
  developerRole = await roleIdOf(t, owner, 'developer');
});
afterAll(async () => t?.close());

const invite = (account: TeamAccount, email: string, roleId = developerRole) =>
  call(t, 'POST', '/partner/team/invitations', { email, roleId }, account);
const preview = (token: string) => call(t, 'GET', `/partner/invitations/${token}`);
const accept = (token: string, account?: { cookie: string }) =>
  call(t, 'POST', `/partner/invitations/${token}/accept`, undefined, account);
const signUp = (body: Record<string, unknown>) =>
  call(t, 'POST', '/partner/signup', { name: 'New Person', password: TEST_PASSWORD, ...body });
const userCount = async (email: string) =>
  (await t.services.pool.query('SELECT 1 FROM auth_user WHERE lower(email) = lower($1)', [email])).rowCount;

describe('inviting: POST /partner/team/invitations', () => {
  let token: string;

  it('creates a pending invitation, audited, and mails a link to the accept page', async () => {
    const response = await invite(admin, 'Grace@Invite.example');
    expect(response.status).toBe(201);
    const invitation = await json<Invitation>(response);
    expect(invitation).toMatchObject({
      email: 'grace@invite.example',
      role: { key: 'developer' },
      status: 'pending',
      invitedBy: { email: 'admin@invite.example' },
    });
    expect(invitation.id).toMatch(/^inv_/);
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('invitation.created');

    token = await invitationToken(t, 'grace@invite.example');
    expect(token).toMatch(/^[\w-]{43}$/);
    const [mail] = await listMailbox(t.services.db, { limit: 1 });
    expect(mail?.subject).toBe('Join owner Co on Atrium');
    expect(mail?.text).toContain(
      `http://localhost:${t.services.config.PORT}${INVITATION_ACCEPT_PATH}?token=${token}`,
    );
    expect(mail?.text).toContain('admin@invite.example invited you to join owner Co on Atrium as Developer.');
  });

  it('stores only the SHA-256 of the token', async () => {
    const { rows } = await t.services.pool.query<{ token_hash: string }>(
      `SELECT token_hash FROM invitations WHERE email = 'grace@invite.example'`,
    );
    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
  });

  it('refuses a second pending invitation to the same address, whatever its case (409)', async () => {
    const response = await invite(owner, 'GRACE@invite.example');
    expect(response.status).toBe(409);
    expect((await json<Problem>(response)).detail).toContain('resend');
  });

  it('refuses an address that is already a member (409)', async () => {
    expect((await invite(owner, 'Viewer@Invite.example')).status).toBe(409);
  });

  it('refuses a malformed email, a missing or unknown role with the failing fields (400)', async () => {
    const bad = await call(t, 'POST', '/partner/team/invitations', { email: 'nope' }, owner);
    expect(bad.status).toBe(400);
    expect((await json<Problem>(bad)).errors?.map((error) => error.path).sort()).toEqual([
      'body.email',
      'body.roleId',
    ]);
    const theirs = await roleIdOf(t, stranger, 'developer');
    const unknown = await invite(owner, 'x@invite.example', theirs);
    expect(unknown.status).toBe(400);
    expect((await json<Problem>(unknown)).errors?.map((error) => error.path)).toEqual(['body.roleId']);
  });

  it('refuses a Viewer (403), and an Admin inviting an Owner (403); an Owner may', async () => {
    expect((await invite(viewer, 'v@invite.example')).status).toBe(403);
    const ownerRole = await roleIdOf(t, owner, 'owner');
    expect((await invite(admin, 'boss@invite.example', ownerRole)).status).toBe(403);
    expect((await invite(owner, 'boss@invite.example', ownerRole)).status).toBe(201);
  });

  it('previews the link publicly with minimal information; unknown links are 404', async () => {
    const response = await preview(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      email: 'grace@invite.example',
      tenant: { name: 'owner Co' },
      role: { name: 'Developer' },
      status: 'pending',
      expiresAt: expect.any(String),
    });
    expect((await preview('x'.repeat(43))).status).toBe(404);
    expect((await preview('not a token')).status).toBe(404);
  });
});

describe('listing, resending and cancelling', () => {
  it('lists invitations with their status, filtered by status; a bad filter is 400', async () => {
    const all = await json<{ data: Invitation[] }>(
      call(t, 'GET', '/partner/team/invitations', undefined, viewer),
    );
    expect(all.data.map((invitation) => invitation.email)).toEqual([
      'boss@invite.example',
      'grace@invite.example',
    ]);
    const pending = await call(t, 'GET', '/partner/team/invitations?status=accepted', undefined, viewer);
    expect((await json<{ data: Invitation[] }>(pending)).data).toEqual([]);
    expect((await call(t, 'GET', '/partner/team/invitations?status=bogus', undefined, viewer)).status).toBe(
      400,
    );
    expect((await call(t, 'GET', '/partner/team/invitations', undefined, stranger)).status).toBe(200);
    const theirs = await json<{ data: Invitation[] }>(
      call(t, 'GET', '/partner/team/invitations', undefined, stranger),
    );
    expect(theirs.data).toEqual([]);
  });

  it('resending mails a new link, kills the old one and restarts the expiry, audited', async () => {
    const email = 'resend@invite.example';
    const created = await json<Invitation>(invite(owner, email));
    const first = await invitationToken(t, email);
    await t.services.pool.query(
      `UPDATE invitations SET expires_at = now() + interval '1 day' WHERE email = $1`,
      [email],
    );
    const response = await call(
      t,
      'POST',
      `/partner/team/invitations/${created.id}/resend`,
      undefined,
      admin,
    );
    expect(response.status).toBe(200);
    const resent = await json<Invitation>(response);
    expect(Date.parse(resent.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const second = await invitationToken(t, email, first);
    expect((await preview(first)).status).toBe(404);
    expect((await preview(second)).status).toBe(200);
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('invitation.resent');
  });

  it('cancelling kills the link; a second cancel or a resend of it is 409', async () => {
    const email = 'cancel@invite.example';
    const created = await json<Invitation>(invite(owner, email));
    const token = await invitationToken(t, email);
    const path = `/partner/team/invitations/${created.id}`;
    expect((await call(t, 'DELETE', path, undefined, viewer)).status).toBe(403);
    expect((await call(t, 'DELETE', path, undefined, admin)).status).toBe(204);
    expect((await auditActions(t, owner.tenantId)).at(-1)).toBe('invitation.cancelled');
    expect((await preview(token)).status).toBe(404);
    const user = await signUpAndSignIn(t, email, { organisationName: null });
    expect((await accept(token, user)).status).toBe(404);
    expect((await call(t, 'DELETE', path, undefined, admin)).status).toBe(409);
    expect((await call(t, 'POST', `${path}/resend`, undefined, admin)).status).toBe(409);
    const listed = await json<{ data: Invitation[] }>(
      call(t, 'GET', '/partner/team/invitations?status=cancelled', undefined, owner),
    );
    expect(listed.data.map((invitation) => invitation.email)).toEqual([email]);
  });

  it('answers 404 for another tenant’s invitation and for malformed ids', async () => {
    const created = await json<Invitation>(invite(owner, 'private@invite.example'));
    for (const id of [created.id, 'inv_nope', 'mem_01jf8z6x3m4r5t6v7w8x9y0z1a']) {
      expect((await call(t, 'DELETE', `/partner/team/invitations/${id}`, undefined, stranger)).status).toBe(
        404,
      );
      expect(
        (await call(t, 'POST', `/partner/team/invitations/${id}/resend`, undefined, stranger)).status,
      ).toBe(404);
    }
  });

  it('an expired invitation shows as expired, its link is dead, and a resend revives it', async () => {
    const email = 'late@invite.example';
    const created = await json<Invitation>(invite(owner, email));
    const token = await invitationToken(t, email);
    await t.services.pool.query(
      `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      [email],
    );
    const expired = await json<{ data: Invitation[] }>(
      call(t, 'GET', '/partner/team/invitations?status=expired', undefined, owner),
    );
    expect(expired.data.map((invitation) => [invitation.email, invitation.status])).toEqual([
      [email, 'expired'],
    ]);
    expect((await preview(token)).status).toBe(404);
    expect((await signUp({ email, invitationToken: token })).status).toBe(404);
    expect(await userCount(email)).toBe(0);
    expect((await invite(owner, email)).status).toBe(409);
    expect(
      (await call(t, 'POST', `/partner/team/invitations/${created.id}/resend`, undefined, owner)).status,
    ).toBe(200);
    expect((await preview(await invitationToken(t, email, token))).status).toBe(200);
  });
});

describe('accepting: POST /partner/invitations/{token}/accept', () => {
  it('refuses a user whose email is not the invited one (403), changing nothing', async () => {
    await invite(owner, 'ada@invite.example');
    const token = await invitationToken(t, 'ada@invite.example');
    const other = await signUpAndSignIn(t, 'someone-else@invite.example', { organisationName: null });
    const response = await accept(token, other);
    expect(response.status).toBe(403);
    expect((await json<Problem>(response)).detail).toContain('sent to ada@invite.example');
    expect((await preview(token)).status).toBe(200);
    expect((await accept(token)).status).toBe(401);
  });

  it('joins with the invited role, switches the session to the tenant, audited; the link then is dead', async () => {
    const token = await invitationToken(t, 'ada@invite.example');
    const ada = await ownerOfNewTenant(t, 'ADA@invite.example');
    const response = await accept(token, ada);
    expect(response.status).toBe(200);
    const accepted = await json<{ tenant: { name: string }; role: { key: string }; memberId: string }>(
      response,
    );
    expect(accepted).toMatchObject({ tenant: { name: 'owner Co' }, role: { key: 'developer' } });
    expect(accepted.memberId).toMatch(/^mem_/);
    const access = await json<{ tenant: { name: string }; role: { key: string } }>(
      call(t, 'GET', '/partner/access', undefined, ada),
    );
    expect(access).toMatchObject({ tenant: { name: 'owner Co' }, role: { key: 'developer' } });
    expect((await auditActions(t, owner.tenantId)).slice(-2)).toEqual([
      'member.added',
      'invitation.accepted',
    ]);

    expect((await accept(token, ada)).status).toBe(404);
    expect((await preview(token)).status).toBe(404);
    const listed = await json<{ data: Invitation[] }>(
      call(t, 'GET', '/partner/team/invitations?status=accepted', undefined, owner),
    );
    expect(listed.data.map((invitation) => invitation.email)).toEqual(['ada@invite.example']);
  });

  it('refuses someone who is already a member (409) and leaves the invitation pending', async () => {
    await invite(owner, 'twice@invite.example');
    const token = await invitationToken(t, 'twice@invite.example');
    const twice = await memberOf(t, owner.tenantId, 'twice@invite.example', 'viewer');
    expect((await accept(token, twice)).status).toBe(409);
    expect((await preview(token)).status).toBe(200);
  });
});

describe('signing up through an invitation: POST /partner/signup with invitationToken', () => {
  it('creates the user with a verified email, joins the tenant and answers joined', async () => {
    await invite(owner, 'newbie@invite.example');
    const token = await invitationToken(t, 'newbie@invite.example');
    const response = await signUp({ email: 'Newbie@invite.example', invitationToken: token });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'joined', email: 'Newbie@invite.example' });
    const newbie = await signIn(t, 'newbie@invite.example');
    const access = await json<{ tenant: { name: string }; role: { key: string } }>(
      call(t, 'GET', '/partner/access', undefined, newbie),
    );
    expect(access).toMatchObject({ tenant: { name: 'owner Co' }, role: { key: 'developer' } });
    expect((await preview(token)).status).toBe(404);
    expect((await signUp({ email: 'newbie@invite.example', invitationToken: token })).status).toBe(404);
    // The invitation proved the inbox: no verification mail follows the invitation.
    const { rows } = await t.services.pool.query<{ subject: string }>(
      `SELECT data->>'subject' AS subject FROM pgboss.job
        WHERE name = 'mail.send' AND lower(data->>'to') = 'newbie@invite.example'`,
    );
    expect(rows.map((row) => row.subject)).toEqual([expect.stringMatching(/^Join /)]);
  });

  it('creates nothing for an unknown link (404) or another address (403)', async () => {
    expect((await signUp({ email: 'ghost@invite.example', invitationToken: 'x'.repeat(43) })).status).toBe(
      404,
    );
    expect(await userCount('ghost@invite.example')).toBe(0);
    await invite(owner, 'real@invite.example');
    const token = await invitationToken(t, 'real@invite.example');
    const mismatch = await signUp({ email: 'fake@invite.example', invitationToken: token });
    expect(mismatch.status).toBe(403);
    expect(await userCount('fake@invite.example')).toBe(0);
    const both = await signUp({
      email: 'real@invite.example',
      invitationToken: token,
      organisationName: 'X',
    });
    expect(both.status).toBe(400);
    expect(await userCount('real@invite.example')).toBe(0);
    expect((await preview(token)).status).toBe(200);
  });

  it('sends an address that already has an account to sign in (409), leaving the invitation pending', async () => {
    await signUpAndSignIn(t, 'exists@invite.example', { organisationName: null });
    await invite(owner, 'exists@invite.example');
    const token = await invitationToken(t, 'exists@invite.example');
    const response = await signUp({ email: 'exists@invite.example', invitationToken: token });
    expect(response.status).toBe(409);
    expect((await json<Problem>(response)).detail).toContain('sign in');
    expect((await preview(token)).status).toBe(200);
  });
});
