import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { totpCode } from '../../../test/harness/totp.js';
import { authTestClient, cookiesOf } from './auth-test-client.js';

let t: TestApp;
let auth: ReturnType<typeof authTestClient>;
beforeAll(async () => {
  t = await createTestApp();
  auth = authTestClient(t);
});
afterAll(async () => t?.close());

const password = 'a long enough password';
const verify = (token: string) =>
  auth.get(`/partner/auth/magic-link/verify?token=${encodeURIComponent(token)}`);

describe('magic-link sign-in', () => {
  it('mails a link to the dashboard page, and its token signs in a user without 2FA, once', async () => {
    const email = 'ada@example.com';
    await auth.createUser(email, password);
    const requested = await auth.post('/partner/auth/sign-in/magic-link', { email });
    expect(requested.status).toBe(200);
    expect(await auth.lastMailTo(email)).toMatch(/https?:\/\/\S+\/magic-link\?token=/);
    const token = await auth.mailedToken(email, 'magic-link');

    const signedIn = await verify(token);
    expect(signedIn.status).toBe(200);
    const cookie = cookiesOf(signedIn);
    expect(cookie).toMatch(/atrium\.session_token=/);
    expect(await (await auth.me(cookie)).json()).toMatchObject({ email });

    const replayed = await verify(token);
    expect(replayed.status).toBe(400);
    expect(replayed.headers.get('content-type')).toBe('application/problem+json');
    expect(await replayed.json()).toMatchObject({ code: 'bad_request', reason: 'INVALID_TOKEN' });
    expect(cookiesOf(replayed)).not.toMatch(/atrium\.session_token=/);
  });

  it('does not give a session to a user with two-factor authentication', async () => {
    const email = 'grace@example.com';
    await auth.createUser(email, password);
    const { cookie } = await auth.signIn(email, password);
    const enabled = await auth.post('/partner/auth/two-factor/enable', { password }, cookie);
    const { totpURI } = (await enabled.json()) as { totpURI: string };
    await auth.post('/partner/auth/two-factor/verify-totp', { code: totpCode(totpURI) }, cookie);
    const sessionsBefore = await countSessions(email);

    await auth.post('/partner/auth/sign-in/magic-link', { email });
    const refused = await verify(await auth.mailedToken(email, 'magic-link'));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden', reason: 'TWO_FACTOR_REQUIRED' });
    expect(cookiesOf(refused)).not.toMatch(/atrium\.session_token=/);
    expect(await countSessions(email)).toBe(sessionsBefore);
  });

  it('answers an unknown email like a known one, and mails nothing', async () => {
    const unknown = await auth.post('/partner/auth/sign-in/magic-link', { email: 'nobody@example.com' });
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ status: true });
    await expect(auth.lastMailTo('nobody@example.com')).rejects.toThrow(/no mail/);
  });

  it('refuses a bogus token with a problem', async () => {
    const bogus = await verify('not-a-token');
    expect(bogus.status).toBe(400);
    expect(await bogus.json()).toMatchObject({ reason: 'INVALID_TOKEN' });
  });
});

async function countSessions(email: string): Promise<number> {
  const { rows } = await t.services.pool.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM auth_session s JOIN auth_user u ON u.id = s.user_id WHERE u.email = $1',
    [email],
  );
  return rows[0]?.count ?? 0;
}
