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

const email = 'grace@example.com';
const password = 'a long enough password';
let totpURI = '';
let backupCodes: string[] = [];

describe('TOTP two-factor authentication', () => {
  it('enables TOTP: the secret and recovery codes first, then a first code confirms it', async () => {
    await auth.createUser(email, password, 'Grace Hopper');
    const { cookie } = await auth.signIn(email, password);

    const wrongPassword = await auth.post(
      '/partner/auth/two-factor/enable',
      { password: 'not it at all' },
      cookie,
    );
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.headers.get('content-type')).toBe('application/problem+json');

    const enabled = await auth.post('/partner/auth/two-factor/enable', { password }, cookie);
    expect(enabled.status).toBe(200);
    const body = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
    totpURI = body.totpURI;
    backupCodes = body.backupCodes;
    expect(new URL(totpURI).protocol).toBe('otpauth:');
    expect(new URL(totpURI).searchParams.get('issuer')).toBe('Atrium');
    expect(backupCodes).toHaveLength(10);
    // Not on until a code proves the authenticator app has the secret.
    expect(await (await auth.me(cookie)).json()).toMatchObject({ twoFactorEnabled: false });

    const confirmed = await auth.post(
      '/partner/auth/two-factor/verify-totp',
      { code: totpCode(totpURI) },
      cookie,
    );
    expect(confirmed.status).toBe(200);
    // Confirming rotates the session: the new cookie is the one that works.
    const rotated = cookiesOf(confirmed);
    expect(await (await auth.me(rotated)).json()).toMatchObject({ email, twoFactorEnabled: true });
  });

  it('asks for the second step at sign-in, without a session until a code is given', async () => {
    const { response, body, cookie } = await auth.signIn(email, password);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ twoFactorRedirect: true });
    expect(cookie).not.toMatch(/atrium\.session_token=/);
    expect(cookie).toMatch(/atrium\.two_factor=/);
    expect((await auth.me(cookie)).status).toBe(401);
  });

  it('refuses a wrong code and completes sign-in with the right one', async () => {
    const { cookie: challenge } = await auth.signIn(email, password);
    const right = totpCode(totpURI);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const refused = await auth.post('/partner/auth/two-factor/verify-totp', { code: wrong }, challenge);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'unauthenticated', reason: 'INVALID_CODE' });
    expect(cookiesOf(refused)).not.toMatch(/atrium\.session_token=/);

    const accepted = await auth.post('/partner/auth/two-factor/verify-totp', { code: right }, challenge);
    expect(accepted.status).toBe(200);
    const session = cookiesOf(accepted);
    expect(session).toMatch(/atrium\.session_token=/);
    expect(await (await auth.me(session)).json()).toMatchObject({ email });
  });

  it('accepts a recovery code once, and not a second time', async () => {
    const [code] = backupCodes;
    const first = await auth.signIn(email, password);
    const used = await auth.post('/partner/auth/two-factor/verify-backup-code', { code }, first.cookie);
    expect(used.status).toBe(200);
    expect((await auth.me(cookiesOf(used))).status).toBe(200);

    const second = await auth.signIn(email, password);
    const reused = await auth.post('/partner/auth/two-factor/verify-backup-code', { code }, second.cookie);
    expect(reused.status).toBe(401);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(cookiesOf(reused)).not.toMatch(/atrium\.session_token=/);
  });

  it('regenerates the recovery codes (old ones stop working) and disables 2FA with the password', async () => {
    const challenge = await auth.signIn(email, password);
    const signedIn = await auth.post(
      '/partner/auth/two-factor/verify-totp',
      { code: totpCode(totpURI) },
      challenge.cookie,
    );
    const session = cookiesOf(signedIn);

    const regenerated = await auth.post(
      '/partner/auth/two-factor/generate-backup-codes',
      { password },
      session,
    );
    expect(regenerated.status).toBe(200);
    const fresh = ((await regenerated.json()) as { backupCodes: string[] }).backupCodes;
    expect(fresh).toHaveLength(10);
    const old = await auth.signIn(email, password);
    const oldCode = await auth.post(
      '/partner/auth/two-factor/verify-backup-code',
      { code: backupCodes[1] },
      old.cookie,
    );
    expect(oldCode.status).toBe(401);

    const disabled = await auth.post('/partner/auth/two-factor/disable', { password }, session);
    expect(disabled.status).toBe(200);
    const plain = await auth.signIn(email, password);
    expect(plain.body).not.toHaveProperty('twoFactorRedirect');
    expect(await (await auth.me(plain.cookie)).json()).toMatchObject({ twoFactorEnabled: false });
  });
});
