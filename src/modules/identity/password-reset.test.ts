import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { authTestClient } from './auth-test-client.js';

let t: TestApp;
let auth: ReturnType<typeof authTestClient>;
beforeAll(async () => {
  t = await createTestApp();
  auth = authTestClient(t);
});
afterAll(async () => t?.close());

const email = 'ada@example.com';
const oldPassword = 'the old password!';
const newPassword = 'the brand new password';

const passwordHash = async () =>
  (
    await t.services.pool.query<{ password: string }>(
      `SELECT a.password FROM auth_account a JOIN auth_user u ON u.id = a.user_id
        WHERE u.email = $1 AND a.provider_id = 'credential'`,
      [email],
    )
  ).rows[0]?.password;

describe('password reset', () => {
  it('mails a link to the dashboard page; its token sets a new password and ends other sessions', async () => {
    await auth.createUser(email, oldPassword);
    const { cookie: otherDevice } = await auth.signIn(email, oldPassword);
    const requested = await auth.post('/partner/auth/request-password-reset', { email });
    expect(requested.status).toBe(200);
    expect(await auth.lastMailTo(email)).toMatch(/https?:\/\/\S+\/reset-password\?token=/);
    const token = await auth.mailedToken(email, 'reset-password');

    const reset = await auth.post('/partner/auth/reset-password', { token, newPassword });
    expect(reset.status).toBe(200);
    expect((await auth.signIn(email, newPassword)).response.status).toBe(200);
    expect((await auth.signIn(email, oldPassword)).response.status).toBe(401);
    expect((await auth.me(otherDevice)).status).toBe(401);
  });

  it('refuses a reused token with a problem, and changes nothing', async () => {
    await auth.post('/partner/auth/request-password-reset', { email });
    const token = await auth.mailedToken(email, 'reset-password');
    expect(
      (await auth.post('/partner/auth/reset-password', { token, newPassword: 'first use of token' })).status,
    ).toBe(200);
    const before = await passwordHash();

    const reused = await auth.post('/partner/auth/reset-password', {
      token,
      newPassword: 'second use of token',
    });
    expect(reused.status).toBe(400);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(await reused.json()).toMatchObject({ code: 'bad_request', reason: 'INVALID_TOKEN' });
    expect(await passwordHash()).toBe(before);
    expect((await auth.signIn(email, 'second use of token')).response.status).toBe(401);
  });

  it('refuses a bogus token and a too short password with problems', async () => {
    const before = await passwordHash();
    const bogus = await auth.post('/partner/auth/reset-password', { token: 'bogus', newPassword });
    expect(bogus.status).toBe(400);
    expect(await bogus.json()).toMatchObject({ reason: 'INVALID_TOKEN' });

    await auth.post('/partner/auth/request-password-reset', { email });
    const token = await auth.mailedToken(email, 'reset-password');
    const short = await auth.post('/partner/auth/reset-password', { token, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ reason: 'PASSWORD_TOO_SHORT' });
    expect(await passwordHash()).toBe(before);
  });

  it('answers an unknown email exactly like a known one', async () => {
    const known = await auth.post('/partner/auth/request-password-reset', { email });
    const unknown = await auth.post('/partner/auth/request-password-reset', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(known.status);
    expect(await unknown.json()).toEqual(await known.json());
    await expect(auth.lastMailTo('nobody@example.com')).rejects.toThrow(/no mail/);
  });
});

describe('sign-out', () => {
  it('ends the session: the cookie no longer identifies anyone', async () => {
    await auth.createUser('linus@example.com', oldPassword);
    const { cookie } = await auth.signIn('linus@example.com', oldPassword);
    expect((await auth.me(cookie)).status).toBe(200);
    const signedOut = await auth.post('/partner/auth/sign-out', {}, cookie);
    expect(signedOut.status).toBe(200);
    expect((await auth.me(cookie)).status).toBe(401);
    expect(await (await auth.get('/partner/auth/get-session', cookie)).json()).toBeNull();
  });
});
