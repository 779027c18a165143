import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { listMailbox } from '../mail/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.queue.work(
    t.services.modules.flatMap((module) => module.jobs),
    t.services,
  );
});
afterAll(async () => t?.close());

const origin = () => `http://localhost:${t.services.config.PORT}`;
const post = (path: string, body: unknown, options: { cookie?: string; clientIp?: string } = {}) =>
  t.request(
    path,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: origin(),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      body: JSON.stringify(body),
    },
    { clientIp: options.clientIp },
  );
const sessionCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter((pair) => pair?.startsWith('atrium.session_token='))
    .join('; ');

const email = 'ada@example.com';
const password = 'correct horse battery';

describe('identity: sign-up, email verification, sign-in, the current user, sign-out', () => {
  it('signs up without a session, and mails a verification link', async () => {
    const response = await post('/partner/auth/sign-up/email', { email, password, name: 'Ada Lovelace' });
    expect(response.status).toBe(200);
    expect(sessionCookie(response)).toBe('');
    await expect
      .poll(async () => (await listMailbox(t.services.db, { limit: 5 })).map((mail) => mail.to), {
        timeout: 15_000,
      })
      .toContain(email);
  });

  it('refuses to sign in before the email is verified', async () => {
    const response = await post('/partner/auth/sign-in/email', { email, password }, { clientIp: '10.0.0.1' });
    expect(response.status).toBe(403);
  });

  it('verifies the email through the mailed link, then signs in and knows the user', async () => {
    const [mail] = await listMailbox(t.services.db, { limit: 1 });
    // The link opens the dashboard's page, which calls better-auth's endpoint with the token.
    const link = new URL(mail?.text.match(/https?:\/\/\S+/)?.[0] ?? 'http://missing');
    expect(`${link.origin}${link.pathname}`).toBe(`${origin()}/verify-email`);
    const verified = await t.request(
      `/partner/auth/verify-email?token=${encodeURIComponent(link.searchParams.get('token') ?? '')}`,
    );
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ status: true });

    const signIn = await post('/partner/auth/sign-in/email', { email, password }, { clientIp: '10.0.0.2' });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookie(signIn);
    expect(cookie).toMatch(/^atrium\.session_token=/);
    expect(signIn.headers.getSetCookie().join(' ')).toMatch(/HttpOnly/i);

    const me = await t.request('/partner/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, name: 'Ada Lovelace', emailVerified: true });

    const signOut = await post('/partner/auth/sign-out', {}, { cookie, clientIp: '10.0.0.2' });
    expect(signOut.status).toBe(200);
    expect((await t.request('/partner/me', { headers: { cookie } })).status).toBe(401);
  });

  it('lists the user’s own sessions and revokes the others', async () => {
    const laptop = sessionCookie(
      await post('/partner/auth/sign-in/email', { email, password }, { clientIp: '10.0.3.1' }),
    );
    const phone = sessionCookie(
      await post('/partner/auth/sign-in/email', { email, password }, { clientIp: '10.0.3.2' }),
    );
    const list = async (cookie: string) =>
      (await (await t.request('/partner/auth/list-sessions', { headers: { cookie } })).json()) as unknown[];
    expect(await list(laptop)).toHaveLength(2);
    const revoked = await post(
      '/partner/auth/revoke-other-sessions',
      {},
      { cookie: laptop, clientIp: '10.0.3.1' },
    );
    expect(revoked.status).toBe(200);
    expect(await list(laptop)).toHaveLength(1);
    expect((await t.request('/partner/me', { headers: { cookie: phone } })).status).toBe(401);
    expect((await t.request('/partner/me', { headers: { cookie: laptop } })).status).toBe(200);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const wrong = await post(
      '/partner/auth/sign-in/email',
      { email, password: 'not the password' },
      { clientIp: '10.0.1.1' },
    );
    const unknown = await post(
      '/partner/auth/sign-in/email',
      { email: 'nobody@example.com', password: 'not the password' },
      { clientIp: '10.0.1.2' },
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    const { requestId: _wrongId, ...wrongProblem } = await wrong.json();
    const { requestId: _unknownId, ...unknownProblem } = await unknown.json();
    expect(unknownProblem).toEqual(wrongProblem);
    expect(wrongProblem).toMatchObject({ code: 'unauthenticated', reason: 'INVALID_EMAIL_OR_PASSWORD' });
  });

  it('answers malformed and invalid bodies with a 400 problem', async () => {
    const malformed = await t.request(
      '/partner/auth/sign-up/email',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: origin() },
        body: '{"email": "x',
      },
      { clientIp: '10.0.2.1' },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    const invalid = await post(
      '/partner/auth/sign-up/email',
      { email: 'not-an-email', password, name: 'X' },
      { clientIp: '10.0.2.2' },
    );
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      status: 400,
      code: 'bad_request',
      detail: expect.stringContaining('email'),
    });
  });

  it('answers /partner/me without a session with a 401 problem', async () => {
    const response = await t.request('/partner/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('throttles repeated sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await post(
        '/partner/auth/sign-in/email',
        { email, password: 'wrong!' },
        { clientIp: '10.9.9.9' },
      );
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
  });
});
