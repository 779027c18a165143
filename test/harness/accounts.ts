import { randomInt } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** A fresh client address per call: better-auth throttles sign-up and sign-in per address. */
export const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** The dashboard's origin: cookie-authenticated changes must come from it (CSRF defence). */
export const dashboardOrigin = (t: TestApp) => `http://localhost:${t.services.config.PORT}`;

export interface CallOptions {
  cookie?: string;
  clientIp?: string;
  headers?: Record<string, string>;
}

/** A JSON request as the dashboard sends it: same origin, the session cookie when given. */
export function call(t: TestApp, method: string, path: string, body?: unknown, options: CallOptions = {}) {
  return t.request(
    path,
    {
      method,
      headers: {
        origin: dashboardOrigin(t),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    { clientIp: options.clientIp ?? randomIp() },
  );
}

export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .filter((pair) => pair?.startsWith('atrium.session_token='))
    .join('; ');
}

export interface TestAccount {
  email: string;
  password: string;
  cookie: string;
  userId: string;
}

export const TEST_PASSWORD = 'correct horse battery';

/**
 * Signs up through `POST /partner/signup` (a new tenant with this user as Owner, unless
 * `organisationName` is null), marks the email verified directly (the verification flow has its
 * own tests) and signs in.
 */
export async function signUpAndSignIn(
  t: TestApp,
  email: string,
  options: { name?: string; organisationName?: string | null } = {},
): Promise<TestAccount> {
  const organisationName = options.organisationName === undefined ? `${email} org` : options.organisationName;
  const body = {
    name: options.name ?? email.split('@')[0],
    email,
    password: TEST_PASSWORD,
    ...(organisationName === null ? {} : { organisationName }),
  };
  const signUp =
    organisationName === null
      ? await call(t, 'POST', '/partner/auth/sign-up/email', body)
      : await call(t, 'POST', '/partner/signup', body);
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  await t.services.pool.query('UPDATE auth_user SET email_verified = true WHERE lower(email) = lower($1)', [
    email,
  ]);
  return signIn(t, email);
}

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<TestAccount> {
  const response = await call(t, 'POST', '/partner/auth/sign-in/email', { email, password });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return { email, password, cookie: sessionCookie(response), userId: user.id };
}
