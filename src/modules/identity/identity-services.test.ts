import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { authTestClient } from './auth-test-client.js';
import {
  findUsers,
  getSessionUser,
  markEmailVerified,
  setActiveTenant,
  signUpWithPassword,
} from './index.js';

let t: TestApp;
let auth: ReturnType<typeof authTestClient>;
beforeAll(async () => {
  t = await createTestApp();
  auth = authTestClient(t);
  // The services take a request context, so these tests reach them through two throwaway routes
  // (added before the first request: the router compiles its matcher then).
  t.app.router.get('/test/session-user', async (c) => c.json((await getSessionUser(c)) ?? null));
  t.app.router.post('/test/sign-up', async (c) => c.json(await signUpWithPassword(c, await c.req.json())));
});
afterAll(async () => t?.close());

const password = 'a long enough password';
const signUp = (body: unknown, clientIp?: string) =>
  t.request(
    '/test/sign-up',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    { clientIp: clientIp ?? `10.77.0.${Math.floor(Math.random() * 250) + 1}` },
  );
const sessionUser = async (cookie?: string) =>
  (await t.request('/test/session-user', cookie ? { headers: { cookie } } : {})).json();

describe('signUpWithPassword', () => {
  it('creates the user through better-auth (verification mail included) and answers its id', async () => {
    const response = await signUp({ name: 'Ada', email: 'ada@example.com', password });
    expect(response.status).toBe(200);
    const { userId } = await response.json();
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);
    const [user] = await findUsers(t.services, [userId]);
    expect(user).toEqual({
      id: userId,
      email: 'ada@example.com',
      name: 'Ada',
      image: null,
      twoFactorEnabled: false,
    });
    expect(await auth.lastMailTo('ada@example.com')).toMatch(/\/verify-email\?token=/);
  });

  it('answers no id for an email that already has an account, and creates nothing', async () => {
    const response = await signUp({ name: 'Someone else', email: 'ada@example.com', password });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const { rows } = await t.services.pool.query(
      "SELECT name FROM auth_user WHERE email = 'ada@example.com'",
    );
    expect(rows).toEqual([{ name: 'Ada' }]);
  });

  it('turns better-auth refusals into problems: invalid input, then too many attempts', async () => {
    const short = await signUp({ name: 'Bo', email: 'bo@example.com', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.headers.get('content-type')).toBe('application/problem+json');
    expect(await short.json()).toMatchObject({
      code: 'bad_request',
      detail: expect.stringMatching(/short/i),
    });

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await signUp({ name: 'Cy', email: `cy${attempt}@example.com`, password }, '10.78.0.1');
      statuses.push(response.status);
      if (response.status === 429) {
        expect(await response.json()).toMatchObject({ code: 'rate_limited' });
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    }
    expect(statuses).toContain(429);
  });
});

describe('getSessionUser, setActiveTenant, markEmailVerified', () => {
  it('answers undefined without a session, and the user and session with one', async () => {
    expect(await sessionUser()).toBeNull();
    expect(await sessionUser('atrium.session_token=forged')).toBeNull();

    const userId = await auth.createUser('grace@example.com', password, 'Grace');
    const { cookie } = await auth.signIn('grace@example.com', password);
    const found = await sessionUser(cookie);
    expect(found).toEqual({
      user: { id: userId, email: 'grace@example.com', name: 'Grace', emailVerified: true },
      session: { id: expect.any(String), activeTenantId: null },
    });

    const tenantId = '01936f0e-7d3c-7a4b-9c1d-2e3f4a5b6c7d';
    expect(await setActiveTenant(t.services, found.session.id, tenantId)).toBe(true);
    expect((await sessionUser(cookie)).session.activeTenantId).toBe(tenantId);
    expect(await setActiveTenant(t.services, found.session.id, null)).toBe(true);
    expect((await sessionUser(cookie)).session.activeTenantId).toBeNull();
    expect(await setActiveTenant(t.services, '01936f0e-0000-7000-8000-000000000000', tenantId)).toBe(false);
  });

  it('marks an email verified, so that the user may sign in', async () => {
    const response = await signUp({ name: 'Linus', email: 'linus@example.com', password });
    const { userId } = await response.json();
    expect((await auth.signIn('linus@example.com', password)).response.status).toBe(403);
    expect(await markEmailVerified(t.services, userId)).toBe(true);
    expect((await auth.signIn('linus@example.com', password)).response.status).toBe(200);
    expect(await markEmailVerified(t.services, '01936f0e-0000-7000-8000-000000000000')).toBe(false);
  });

  it('finds users by id, skipping unknown ones', async () => {
    expect(await findUsers(t.services, [])).toEqual([]);
    const [grace] = await findUsers(t.services, [
      (await t.services.pool.query("SELECT id FROM auth_user WHERE email = 'grace@example.com'")).rows[0].id,
      '01936f0e-0000-7000-8000-000000000000',
    ]);
    expect(grace).toMatchObject({ email: 'grace@example.com', name: 'Grace' });
  });
});

describe('OpenAPI document', () => {
  it('documents better-auth’s endpoints under /partner/auth with the Authentication tag, and still validates', async () => {
    const document = await (await t.request('/openapi.json')).json();
    const signIn = document.paths['/partner/auth/sign-in/email'].post;
    expect(signIn.tags).toEqual(['Authentication']);
    expect(signIn.responses['401'].content['application/problem+json']).toBeDefined();
    expect(document.paths['/partner/auth/two-factor/verify-totp'].post.operationId).toMatch(/^auth/);
    expect(document.paths['/partner/auth/sign-in/magic-link'].post).toBeDefined();
    expect(document.paths['/partner/auth/request-password-reset'].post).toBeDefined();
    expect(document.paths['/partner/auth/list-sessions'].get.security).toEqual([{ session: [] }]);
    // Disabled endpoints stay out of the document.
    expect(document.paths['/partner/auth/sign-in/social']).toBeUndefined();
    expect(document.tags.map((tag: { name: string }) => tag.name)).toContain('Authentication');
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
  });

  it('serves nothing for disabled endpoints', async () => {
    expect((await auth.post('/partner/auth/sign-in/social', { provider: 'github' })).status).toBe(404);
    // The openAPI plugin is loaded for its generator only: its reference page would load a CDN script.
    expect((await auth.get('/partner/auth/reference')).status).toBe(404);
    expect((await auth.get('/partner/auth/open-api/generate-schema')).status).toBe(404);
    const callback = await auth.get('/partner/auth/reset-password/sometoken?callbackURL=/');
    expect(callback.status).toBe(404);
    expect(callback.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('per-account sign-in throttling', () => {
  it('refuses an account after 10 failed passwords from any addresses, even the right one; others are unaffected', async () => {
    await auth.createUser('target@example.com', password);
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await auth.signIn('TARGET@example.com', `wrong guess ${attempt}`)).response.status).toBe(401);
    }
    const locked = await auth.signIn('target@example.com', password);
    expect(locked.response.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'rate_limited', reason: 'TOO_MANY_ATTEMPTS' });
    expect(Number(locked.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.cookie).not.toMatch(/session_token/);

    await auth.createUser('bystander@example.com', password);
    expect((await auth.signIn('bystander@example.com', password)).response.status).toBe(200);
  });

  it('counts unknown emails alike, and a success clears the count', async () => {
    for (let attempt = 0; attempt < 10; attempt++) await auth.signIn('ghost@example.com', 'guess');
    expect((await auth.signIn('ghost@example.com', 'guess')).response.status).toBe(429);

    await auth.createUser('forgetful@example.com', password);
    for (let attempt = 0; attempt < 9; attempt++) await auth.signIn('forgetful@example.com', 'guess');
    expect((await auth.signIn('forgetful@example.com', password)).response.status).toBe(200);
    for (let attempt = 0; attempt < 9; attempt++) await auth.signIn('forgetful@example.com', 'guess');
    expect((await auth.signIn('forgetful@example.com', password)).response.status).toBe(200);
  });
});

describe('bad input to the authentication endpoints', () => {
  const endpoints = [
    '/partner/auth/sign-in/email',
    '/partner/auth/sign-up/email',
    '/partner/auth/two-factor/verify-totp',
    '/partner/auth/two-factor/verify-backup-code',
    '/partner/auth/two-factor/enable',
    '/partner/auth/sign-in/magic-link',
    '/partner/auth/request-password-reset',
    '/partner/auth/reset-password',
    '/partner/auth/revoke-session',
  ];
  const bodies = [
    '{"email": ',
    JSON.stringify({ email: 42, password: [], code: { x: 1 }, token: null, newPassword: 7 }),
    '[]',
    '',
  ];

  it('answers every malformed or mistyped body with a 4xx problem, never a 500', async () => {
    for (const path of endpoints) {
      for (const body of bodies) {
        const response = await t.request(
          path,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
            body,
          },
          { clientIp: `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` },
        );
        expect(response.status, `${path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${path} ${body}`).toBeLessThan(500);
        expect(response.headers.get('content-type'), `${path} ${body}`).toBe('application/problem+json');
      }
    }
  });

  it('answers a query without its token with a 4xx problem', async () => {
    for (const path of ['/partner/auth/verify-email', '/partner/auth/magic-link/verify']) {
      const response = await t.request(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
