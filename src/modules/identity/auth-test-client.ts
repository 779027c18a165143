import type { TestApp } from '../../../test/harness/test-app.js';
import { markEmailVerified } from './services/mark-email-verified.js';

/**
 * What the identity tests share: requests as a browser would send them (same-origin, each test
 * from its own client address so better-auth's per-address limits never couple tests), the mail
 * better-auth queued, and TOTP codes computed from a secret (RFC 6238).
 */
export function authTestClient(t: TestApp) {
  // better-auth's limiter lives in a module-level map that test files in one worker may share.
  const network = 1 + Math.floor(Math.random() * 250);
  let lastAddress = 0;
  const nextAddress = () => {
    lastAddress += 1;
    return `10.${network}.${Math.floor(lastAddress / 250) % 250}.${1 + (lastAddress % 250)}`;
  };
  const origin = () => `http://localhost:${t.services.config.PORT}`;

  const send = (method: 'GET' | 'POST', path: string, body: unknown, cookie: string | undefined) =>
    t.request(
      path,
      {
        method,
        headers: {
          origin: origin(),
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
        },
        ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
      },
      { clientIp: nextAddress() },
    );

  const client = {
    post: (path: string, body: unknown, cookie?: string) => send('POST', path, body, cookie),
    get: (path: string, cookie?: string) => send('GET', path, undefined, cookie),

    /** The message text of the newest mail queued to this address. */
    async lastMailTo(email: string): Promise<string> {
      const { rows } = await t.services.pool.query<{ text: string }>(
        `SELECT data->>'text' AS text FROM pgboss.job
          WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on DESC LIMIT 1`,
        [email],
      );
      const text = rows[0]?.text;
      if (!text) throw new Error(`no mail queued to ${email}`);
      return text;
    },

    /** The token of the newest mailed link to a dashboard page (`/reset-password?token=…`). */
    async mailedToken(email: string, page: string): Promise<string> {
      const text = await client.lastMailTo(email);
      const link = text.match(new RegExp(`https?://\\S+/${page}\\?token=\\S+`))?.[0];
      if (!link) throw new Error(`no /${page} link in the mail to ${email}: ${text}`);
      return new URL(link).searchParams.get('token') as string;
    },

    /** A user who may sign in: signed up through better-auth, email verified. */
    async createUser(email: string, password: string, name = 'Test User'): Promise<string> {
      const response = await client.post('/partner/auth/sign-up/email', { email, password, name });
      if (response.status !== 200) throw new Error(`sign-up answered ${response.status}`);
      const { user } = (await response.json()) as { user: { id: string } };
      await markEmailVerified(t.services, user.id);
      return user.id;
    },

    /** Signs in with a password; `cookie` is every cookie the answer set (session or 2FA challenge). */
    async signIn(email: string, password: string) {
      const response = await client.post('/partner/auth/sign-in/email', { email, password });
      return { response, body: await response.clone().json(), cookie: cookiesOf(response) };
    },

    async me(cookie: string) {
      return t.request('/partner/me', { headers: { cookie } });
    },
  };
  return client;
}

/** The cookies a response set, as a Cookie header; expired ones (deleted by the server) are left out. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .filter((cookie) => !/max-age=0\b/i.test(cookie))
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}
