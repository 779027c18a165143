import pg from 'pg';
import { inject } from 'vitest';
import type { Dashboard } from './browser.js';

const PASSWORD = 'correct horse battery';

/** A same-origin JSON request to the shared instance, as the dashboard would send it. */
function post(path: string, body: unknown): Promise<Response> {
  const url = inject('atriumUrl');
  return fetch(new URL(path, url), {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * Signs up an Owner of a new tenant through the API, marks the address verified in the database
 * (the verification mail has its own tests) and signs the dashboard's browser context in with the
 * session cookie. Use a fresh address per file: the instance is shared.
 */
export async function signInDashboard(
  dashboard: Dashboard,
  options: { email: string; organisationName: string },
): Promise<void> {
  const { email, organisationName } = options;
  const signUp = await post('/partner/signup', {
    name: email.split('@')[0],
    email,
    password: PASSWORD,
    organisationName,
  });
  if (signUp.status !== 202) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const client = new pg.Client({ connectionString: inject('atriumDatabaseUrl') });
  await client.connect();
  try {
    await client.query('UPDATE auth_user SET email_verified = true WHERE lower(email) = lower($1)', [email]);
  } finally {
    await client.end();
  }
  const signIn = await post('/partner/auth/sign-in/email', { email, password: PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookies = signIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .filter((pair) => pair.startsWith('atrium.session_token='))
    .map((pair) => ({
      name: 'atrium.session_token',
      value: pair.slice(pair.indexOf('=') + 1),
      url: dashboard.url,
    }));
  if (!cookies.length) throw new Error('sign-in set no session cookie');
  await dashboard.page.context().addCookies(cookies);
}
