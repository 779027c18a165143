import { randomBytes, randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { Dashboard } from './browser.js';

export const E2E_PASSWORD = 'correct horse battery';

export interface E2eAccount {
  name: string;
  email: string;
  password: string;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
  setCookies: string[];
}

/**
 * A request to the Atrium under test from a fresh loopback address (127.x.y.z): better-auth limits
 * sign-up and sign-in per client address, and the browser's attempts come from 127.0.0.1, so the
 * helpers never use up the browser's allowance (or each other's).
 */
export function apiRequest(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; cookie?: string } = {},
): Promise<ApiAnswer> {
  const url = new URL(path, inject('atriumUrl'));
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        // The server listens on 127.0.0.1; the URL's "localhost" could resolve to ::1 first.
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`,
        headers: {
          host: url.host,
          origin: url.origin,
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: text ? JSON.parse(text) : undefined,
            setCookies: response.headers['set-cookie'] ?? [],
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * GET with `Authorization: Bearer <key>` and nothing else (no cookie): what an app's server does.
 * Resolves with the status and the body's text.
 */
export function getWithKey(path: string, key: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, inject('atriumUrl'));
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { host: url.host, accept: 'application/json', authorization: `Bearer ${key}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** A query on the instance's own database (the mailbox, set-up the UI cannot do). */
export async function query<Row extends object>(sql: string, values: unknown[]): Promise<Row[]> {
  const client = new pg.Client({ connectionString: inject('atriumDatabaseUrl') });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * The link to a dashboard page (`verify-email`, `magic-link`, …) in the newest mail to an address
 * that has one, once the worker has delivered it to the development mailbox.
 */
export async function mailedLink(email: string, page: string): Promise<URL> {
  const newest = async () => {
    const rows = await query<{ text: string }>(
      'SELECT text FROM mail_dev_mailbox WHERE "to" = $1 ORDER BY received_at DESC',
      [email],
    );
    const mail = rows.find((row) => row.text.includes(`/${page}?`));
    return mail ? linkTo(mail.text, page) : undefined;
  };
  await expect.poll(newest, { timeout: 20_000 }).toBeDefined();
  return (await newest()) as URL;
}

/**
 * The newest mail queued to an address, delivered or not: it is queued in the request that causes
 * it, so set-up code (outside a test, where nothing may wait) can read it at once.
 */
async function queuedMailTo(email: string): Promise<string> {
  const [row] = await query<{ text: string }>(
    `SELECT data->>'text' AS text FROM pgboss.job
      WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1`,
    [email],
  );
  if (!row) throw new Error(`no mail queued to ${email}`);
  return row.text;
}

/** The first link in a mail that opens the given dashboard page (`/verify-email`, …). */
function linkTo(mail: string, page: string): URL {
  const link = mail.match(new RegExp(`https?://\\S+/${page}\\?\\S+`))?.[0];
  if (!link) throw new Error(`no ${page} link in: ${mail}`);
  return new URL(link);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.com`;
}

/**
 * A verified account with its own organisation (so it is that tenant's Owner), made the way a
 * person makes one: sign-up, then the mailed verification link.
 */
export async function createAccount(
  options: { prefix?: string; email?: string; organisationName?: string } = {},
): Promise<E2eAccount> {
  const email = options.email ?? uniqueEmail(options.prefix ?? 'e2e');
  const account = { name: email.split('@')[0] ?? 'Eve Tester', email, password: E2E_PASSWORD };
  const signUp = await apiRequest('POST', '/partner/signup', {
    body: { ...account, organisationName: options.organisationName ?? `${account.name}'s organisation` },
  });
  if (signUp.status !== 202)
    throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
  const token = linkTo(await queuedMailTo(account.email), 'verify-email').searchParams.get('token') ?? '';
  const verified = await apiRequest('GET', `/partner/auth/verify-email?token=${encodeURIComponent(token)}`);
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
  return account;
}

/** The session cookie's value from a sign-in answer. */
function sessionToken(setCookies: string[]): string {
  const pair = setCookies
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((c) => c.startsWith('atrium.session_token='));
  if (!pair) throw new Error('the answer set no session cookie');
  return pair.slice('atrium.session_token='.length);
}

/**
 * Signs the dashboard's browser in as a new (or the given) account without going through the
 * sign-in page: the session cookie comes from the API and is put into the browser context.
 */
export async function signIn(dashboard: Dashboard, account?: E2eAccount): Promise<E2eAccount> {
  const user = account ?? (await createAccount());
  const answer = await apiRequest('POST', '/partner/auth/sign-in/email', {
    body: { email: user.email, password: user.password },
  });
  if (answer.status !== 200)
    throw new Error(`sign-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await dashboard.page.context().addCookies([
    {
      name: 'atrium.session_token',
      value: sessionToken(answer.setCookies),
      url: dashboard.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  return user;
}

/** The browser's session cookie as a Cookie header, for API calls made on its behalf. */
export async function browserCookie(dashboard: Dashboard): Promise<string> {
  const cookies = await dashboard.page.context().cookies(dashboard.url);
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/**
 * `signIn` for a given address and organisation name, for tests that look for them on a page. Use
 * a fresh address per file: the instance is shared.
 */
export async function signInDashboard(
  dashboard: Dashboard,
  options: { email: string; organisationName: string },
): Promise<void> {
  await signIn(dashboard, await createAccount(options));
}
