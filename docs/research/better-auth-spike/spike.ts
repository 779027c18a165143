/**
 * better-auth 1.7.25 spike for Atrium: real PostgreSQL, real HTTP (Hono on @hono/node-server).
 *   npx tsx spike.ts            (DATABASE_ADMIN_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 * Creates database ba_spike, applies ./migrations (drizzle-kit output of src/schema.ts), runs every
 * flow over HTTP and prints what happened, then drops the database.
 */
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { diffSchema, getExpectedSchema } from '@better-auth/core/db/internal';
import { desc, eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { buildApp } from './src/app.js';
import { createAuth } from './src/auth.js';
import { ambientDb, countQueries, openDb } from './src/db.js';
import { auditEvent, authAccount, authRateLimit, authSchema, authUser, devMailbox, tenant } from './src/schema.js';

const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'ba_spike';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);

let failures = 0;
function step(title: string, data?: unknown) {
  console.log(`\n=== ${title}`);
  if (data !== undefined) console.log(typeof data === 'string' ? data : JSON.stringify(data, null, 2));
}
function check(label: string, ok: boolean) {
  if (!ok) failures++;
  console.log(`  [${ok ? 'ok' : 'FAIL'}] ${label}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function admin(sqlText: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sqlText);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- a tiny browser with a cookie jar
class Browser {
  jar = new Map<string, string>();
  constructor(
    readonly name: string,
    readonly ip: string,
  ) {}
  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(setCookies: string[]) {
    for (const sc of setCookies) {
      const [pair] = sc.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0/i.test(sc)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}

let BASE = '';
interface Res {
  status: number;
  body: any;
  setCookies: string[];
  location: string | null;
  ms: number;
}
async function call(
  b: Browser,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const h: Record<string, string> = { origin: BASE, 'x-test-client-ip': b.ip, ...headers };
  const cookie = b.cookieHeader();
  if (cookie) h.cookie = cookie;
  if (body !== undefined) h['content-type'] = 'application/json';
  for (const [k, v] of Object.entries(headers)) if (v === '') delete h[k];
  const t = performance.now();
  const res = await fetch(BASE + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const ms = performance.now() - t;
  const setCookies = res.headers.getSetCookie();
  b.store(setCookies);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, body: parsed, setCookies, location: res.headers.get('location'), ms };
}

function relative(url: string) {
  const u = new URL(url);
  return u.pathname + u.search;
}

async function main() {
  console.log(`node ${process.version}`);
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const { pool, db } = openDb(DB_URL);
  const lastMail = async (to: string, kind: string) => {
    const [row] = await db
      .select()
      .from(devMailbox)
      .where(sql`${devMailbox.to} = ${to} and ${devMailbox.kind} = ${kind}`)
      .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
      .limit(1);
    if (!row) throw new Error(`no ${kind} mail for ${to}`);
    return row;
  };
  let server: ReturnType<typeof serve> | undefined;
  try {
    await migrate(db, { migrationsFolder: './migrations' });
    const port = await freePort();
    BASE = `http://127.0.0.1:${port}`;
    const auth = createAuth({ db: ambientDb(db), baseURL: BASE });
    const app = buildApp(auth, db);
    server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });

    // ------------------------------------------------------------ 1. schema
    const problems = diffSchema(
      getExpectedSchema(auth.options as never, { usePlural: false }),
      Object.entries(authSchema).map(([name, table]) => ({
        name,
        columns: Object.entries(table as any)
          .filter(([, c]: [string, any]) => c && typeof c === 'object' && 'columnType' in c)
          .map(([key, c]: [string, any]) => ({ name: key, nullable: !c.notNull, hasDefault: !!c.hasDefault })),
      })) as never,
    );
    step('1. hand-written schema vs what better-auth expects (its own diffSchema)', problems);
    check('no schema findings', problems.length === 0);

    // ------------------------------------------------------------ 3. sign-up / verification / sign-in
    const alice = new Browser('alice', '10.0.0.1');
    const email = 'alice@example.com';
    const password = 'correct horse battery';
    let r = await call(alice, 'POST', '/partner/auth/sign-up/email', { email, password, name: 'Alice' });
    step('3a. POST /partner/auth/sign-up/email (requireEmailVerification: true)', { status: r.status, body: r.body, setCookies: r.setCookies });
    check('sign-up 200 without session cookie', r.status === 200 && r.setCookies.length === 0);
    const aliceId: string = r.body.user.id;
    check('user id is a UUIDv7 generated by advanced.database.generateId', /^[0-9a-f]{8}-[0-9a-f]{4}-7/.test(aliceId));
    const [acct] = await db.select().from(authAccount).where(eq(authAccount.userId, aliceId));
    step('3b. stored credential account', { providerId: acct!.providerId, accountId: acct!.accountId, passwordHashPrefix: acct!.password!.slice(0, 32) });
    check('password stored as argon2id', acct!.password!.startsWith('$argon2id$'));

    const mallory = new Browser('mallory', '10.0.0.66');
    r = await call(mallory, 'POST', '/partner/auth/sign-up/email', { email, password: 'another password!!', name: 'Mallory' });
    step('3c. sign-up again with the same email (enumeration)', { status: r.status, body: r.body });
    check('same 200 shape with a synthetic user (no "user exists" error)', r.status === 200 && r.body.user.email === email && r.body.user.id !== aliceId);

    r = await call(alice, 'POST', '/partner/auth/sign-in/email', { email, password });
    step('3d. sign-in before verifying the email', { status: r.status, body: r.body });
    check('403 EMAIL_NOT_VERIFIED', r.status === 403 && r.body.code === 'EMAIL_NOT_VERIFIED');

    const verifyMail = await lastMail(email, 'verify-email');
    step('4a. sendVerificationEmail captured in dev_mailbox', { url: verifyMail.url, token: `${verifyMail.token!.slice(0, 24)}…` });
    r = await call(alice, 'GET', relative(verifyMail.url!));
    step('4b. GET verify link', { status: r.status, location: r.location, setCookies: r.setCookies });
    check('302 to callbackURL with a session cookie (autoSignInAfterVerification)', r.status === 302 && alice.jar.has('atrium.session_token'));
    alice.jar.clear();
    r = await call(alice, 'GET', relative(verifyMail.url!));
    check('replaying the verify link after verification redirects without signing in', r.status === 302 && !alice.jar.has('atrium.session_token'));

    const signInCount = await countQueries(() => call(new Browser('alice-count', '10.0.0.2'), 'POST', '/partner/auth/sign-in/email', { email, password }));
    step('3e0. SQL statements of one successful sign-in over HTTP (memory rate limit)', signInCount.queries);

    r = await call(alice, 'POST', '/partner/auth/sign-in/email', { email, password });
    step('3e. POST /partner/auth/sign-in/email', { status: r.status, body: r.body, setCookies: r.setCookies, ms: Math.round(r.ms) });
    check('200 + httpOnly SameSite=Lax session cookie', r.status === 200 && /HttpOnly/.test(r.setCookies[0]!) && /SameSite=Lax/.test(r.setCookies[0]!));

    const rawToken: string = r.body.token;
    const rawTry = await auth.api.getSession({ headers: new Headers({ cookie: `atrium.session_token=${rawToken}` }) });
    check('the raw token in the JSON body is not a usable cookie (cookie value must carry the HMAC signature)', rawTry === null);

    // enumeration + timing on sign-in (distinct simulated IPs to stay under the 3/10s rule)
    const probe = async (ip: string, e: string, p: string) => call(new Browser('probe', ip), 'POST', '/partner/auth/sign-in/email', { email: e, password: p });
    const wrong = await probe('10.1.0.1', email, 'wrong password 123');
    const unknown = await probe('10.1.0.2', 'nobody@example.com', 'wrong password 123');
    step('3f. sign-in: wrong password vs unknown email', {
      wrongPassword: { status: wrong.status, body: wrong.body, ms: Math.round(wrong.ms) },
      unknownEmail: { status: unknown.status, body: unknown.body, ms: Math.round(unknown.ms) },
    });
    check('identical status and body', wrong.status === unknown.status && JSON.stringify(wrong.body) === JSON.stringify(unknown.body));

    // built-in rate limit: /sign-in* is 3 per 10 s per (ip, path)
    const rl: number[] = [];
    for (let i = 0; i < 4; i++) rl.push((await probe('10.2.0.1', email, 'wrong password 123')).status);
    const other = await probe('10.2.0.2', email, 'wrong password 123');
    const last = await call(new Browser('x', '10.2.0.1'), 'POST', '/partner/auth/sign-in/email', { email, password: 'x' });
    step('3g. built-in rate limit (memory): 4 sign-ins from one IP, then one from another IP', {
      statuses: rl,
      otherIp: other.status,
      limitedBody: last.body,
    });
    check('4th attempt from the same IP is 429, other IP unaffected', rl[3] === 429 && other.status === 401);

    // CSRF / origin check
    const badOrigin = await call(alice, 'POST', '/partner/auth/update-user', { name: 'X' }, { origin: 'https://evil.example' });
    const noOrigin = await call(alice, 'POST', '/partner/auth/update-user', { name: 'X' }, { origin: '' });
    const goodOrigin = await call(alice, 'POST', '/partner/auth/update-user', { name: 'Alice A.' });
    const noCookie = await call(new Browser('anon', '10.3.0.1'), 'POST', '/partner/auth/sign-in/email', { email, password: 'nope nope nope' }, { origin: 'https://evil.example' });
    step('3h. origin/CSRF check on cookie-authenticated POSTs', {
      evilOrigin: { status: badOrigin.status, body: badOrigin.body },
      noOriginNoReferer: { status: noOrigin.status, body: noOrigin.body },
      trustedOrigin: { status: goodOrigin.status, body: goodOrigin.body },
      signInWithoutCookieFromEvilOrigin: { status: noCookie.status, body: noCookie.body },
    });
    check('evil origin 403, missing origin 403, trusted origin 200', badOrigin.status === 403 && noOrigin.status === 403 && goodOrigin.status === 200);

    // ------------------------------------------------------------ 2. getSession cost
    const headers = new Headers({ cookie: alice.cookieHeader() });
    await auth.api.getSession({ headers }); // warm-up (schema check etc.)
    const gs = await countQueries(() => auth.api.getSession({ headers }));
    step('2a. auth.api.getSession({ headers }) without cookie cache: SQL statements', gs.queries);
    r = await call(alice, 'GET', '/partner/me');
    step('2b. GET /partner/me (getSession → principal → authorize) before any organization', { status: r.status, body: r.body });
    check('403: signed in, no tenant, no permissions', r.status === 403);

    const cachedAuth = createAuth({ db, baseURL: BASE, cookieCache: true });
    const cacheRes = await cachedAuth.handler(
      new Request(`${BASE}/partner/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, 'x-atrium-client-ip': '10.4.0.1' },
        body: JSON.stringify({ email, password }),
      }),
    );
    const cacheJar = new Browser('cache', '10.4.0.1');
    cacheJar.store(cacheRes.headers.getSetCookie());
    const cachedHeaders = new Headers({ cookie: cacheJar.cookieHeader() });
    await cachedAuth.api.getSession({ headers: cachedHeaders });
    const gsCached = await countQueries(() => cachedAuth.api.getSession({ headers: cachedHeaders }));
    step('2c. same with session.cookieCache { enabled, maxAge: 60 }', {
      cookies: [...cacheJar.jar.keys()],
      queries: gsCached.queries,
    });
    check('cookie cache: 0 SQL per getSession', gsCached.queries.length === 0);
    // revoked-but-cached: delete the session row, the cache still answers
    const cachedToken = decodeURIComponent(cacheJar.jar.get('atrium.session_token')!).split('.')[0]!;
    await pool.query('delete from auth_session where token = $1', [cachedToken]);
    const afterRevoke = await cachedAuth.api.getSession({ headers: cachedHeaders });
    step('2d. cookie cache after the session row was deleted', { stillSignedIn: !!afterRevoke });

    const t0 = performance.now();
    for (let i = 0; i < 200; i++) await auth.api.getSession({ headers });
    const perCall = (performance.now() - t0) / 200;
    step('2e. getSession latency (no cache), mean of 200 sequential calls', `${perCall.toFixed(2)} ms`);

    // ------------------------------------------------------------ 3i. cookie attributes
    step('3i. cookie attributes (http baseURL, useSecureCookies unset)', {
      plain: r.setCookies.length ? r.setCookies : (await call(new Browser('c', '10.5.0.1'), 'POST', '/partner/auth/sign-in/email', { email, password })).setCookies,
    });
    const secureAuth = createAuth({ db, baseURL: BASE, useSecureCookies: true });
    const secureRes = await secureAuth.handler(
      new Request(`${BASE}/partner/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, 'x-atrium-client-ip': '10.5.0.2' },
        body: JSON.stringify({ email, password }),
      }),
    );
    const secureCookies = secureRes.headers.getSetCookie();
    step('3j. with advanced.useSecureCookies: true (or an https baseURL)', secureCookies);
    check('__Secure- prefix and Secure attribute', /^__Secure-atrium\.session_token=/.test(secureCookies[0]!) && /Secure/.test(secureCookies[0]!));

    // ------------------------------------------------------------ 4. password reset
    const anon = new Browser('anon', '10.6.0.1');
    const resetUnknown = await call(anon, 'POST', '/partner/auth/request-password-reset', { email: 'nobody@example.com', redirectTo: '/reset' });
    const resetKnown = await call(anon, 'POST', '/partner/auth/request-password-reset', { email, redirectTo: '/reset' });
    step('4c. POST /request-password-reset: unknown vs known email', { unknown: resetUnknown.body, known: resetKnown.body, ms: [Math.round(resetUnknown.ms), Math.round(resetKnown.ms)] });
    check('same answer', JSON.stringify(resetUnknown.body) === JSON.stringify(resetKnown.body));
    const resetMail = await lastMail(email, 'reset-password');
    r = await call(anon, 'GET', relative(resetMail.url!));
    step('4d. GET reset link from the mail', { url: resetMail.url, status: r.status, location: r.location });
    const second = new Browser('alice-2nd', '10.6.0.2');
    await call(second, 'POST', '/partner/auth/sign-in/email', { email, password });
    const newPassword = 'a brand new password';
    r = await call(anon, 'POST', '/partner/auth/reset-password', { token: resetMail.token, newPassword });
    step('4e. POST /reset-password { token, newPassword }', { status: r.status, body: r.body });
    const stale = await call(second, 'GET', '/partner/auth/get-session');
    check('revokeSessionsOnPasswordReset: old session gone', stale.body === null);
    alice.jar.clear();
    r = await call(alice, 'POST', '/partner/auth/sign-in/email', { email, password: newPassword });
    check('sign-in with the new password', r.status === 200);
    const replay = await call(anon, 'POST', '/partner/auth/reset-password', { token: resetMail.token, newPassword: 'replayed password!' });
    check('reset token is single-use', replay.status === 400);

    // ------------------------------------------------------------ 5. TOTP
    r = await call(alice, 'POST', '/partner/auth/two-factor/enable', { password: newPassword });
    step('5a. POST /two-factor/enable { password }', { status: r.status, body: r.body });
    const totpURI: string = r.body.totpURI;
    const backupCodes: string[] = r.body.backupCodes;
    const secretB32 = new URL(totpURI).searchParams.get('secret')!;
    const totp = createOTP(base32.decode(secretB32), { digits: 6, period: 30 });
    r = await call(alice, 'POST', '/partner/auth/two-factor/verify-totp', { code: await totp.totp() });
    step('5b. POST /two-factor/verify-totp { code } (first code confirms enrolment)', { status: r.status, body: r.body });
    const [u] = await db.select({ twoFactorEnabled: authUser.twoFactorEnabled }).from(authUser).where(eq(authUser.id, aliceId));
    check('user.twoFactorEnabled = true', u!.twoFactorEnabled === true);

    const aliceB = new Browser('alice-laptop', '10.7.0.1');
    r = await call(aliceB, 'POST', '/partner/auth/sign-in/email', { email, password: newPassword });
    step('5c. sign-in with 2FA on', { status: r.status, body: r.body, setCookies: r.setCookies });
    check('200 { twoFactorRedirect: true } and only a two_factor cookie', r.body.twoFactorRedirect === true && !aliceB.jar.has('atrium.session_token') && aliceB.jar.has('atrium.two_factor'));
    r = await call(aliceB, 'GET', '/partner/auth/get-session');
    check('no session yet', r.body === null);
    r = await call(aliceB, 'POST', '/partner/auth/two-factor/verify-totp', { code: '000000' });
    step('5d. wrong TOTP code', { status: r.status, body: r.body });
    r = await call(aliceB, 'POST', '/partner/auth/two-factor/verify-totp', { code: await totp.totp() });
    step('5e. POST /two-factor/verify-totp with the right code', { status: r.status, body: r.body, setCookies: r.setCookies });
    check('session cookie set', aliceB.jar.has('atrium.session_token'));

    const aliceC = new Browser('alice-phone', '10.7.0.2');
    await call(aliceC, 'POST', '/partner/auth/sign-in/email', { email, password: newPassword });
    r = await call(aliceC, 'POST', '/partner/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    step('5f. complete a 2FA sign-in with a backup (recovery) code', { status: r.status, hasSession: aliceC.jar.has('atrium.session_token') });
    const aliceD = new Browser('alice-tablet', '10.7.0.3');
    await call(aliceD, 'POST', '/partner/auth/sign-in/email', { email, password: newPassword });
    r = await call(aliceD, 'POST', '/partner/auth/two-factor/verify-backup-code', { code: backupCodes[0] });
    check('backup code is single-use', r.status === 401 && !aliceD.jar.has('atrium.session_token'));

    // ------------------------------------------------------------ 4f. magic link
    const ml = new Browser('alice-kiosk', '10.8.0.1');
    r = await call(ml, 'POST', '/partner/auth/sign-in/magic-link', { email, callbackURL: '/' });
    const mlMail = await lastMail(email, 'magic-link');
    step('4f. POST /sign-in/magic-link → sendMagicLink', { status: r.status, body: r.body, url: mlMail.url });
    r = await call(ml, 'GET', relative(mlMail.url!));
    step('4g. GET magic link (alice HAS 2FA enabled)', { status: r.status, location: r.location, setCookies: r.setCookies });
    check('magic link signs in WITHOUT the second factor (plugin hook only covers /sign-in/email|username|phone-number)', ml.jar.has('atrium.session_token'));
    r = await call(ml, 'GET', relative(mlMail.url!));
    check('magic link token is single-use', r.status === 302 && /error=INVALID_TOKEN/.test(r.location ?? ''));

    const guarded = createAuth({ db, baseURL: BASE, guardMagicLink2fa: true });
    const gReq = (path: string, init?: RequestInit) =>
      guarded.handler(new Request(`${BASE}${path}`, { ...init, headers: { 'content-type': 'application/json', origin: BASE, 'x-atrium-client-ip': '10.8.0.9' } }));
    await gReq('/partner/auth/sign-in/magic-link', { method: 'POST', body: JSON.stringify({ email, callbackURL: '/' }) });
    const gRes = await gReq(relative((await lastMail(email, 'magic-link')).url!));
    step('4g2. same with a databaseHooks.session.create.before guard (path /magic-link/verify + twoFactorEnabled → false)', {
      status: gRes.status,
      location: gRes.headers.get('location'),
      setCookies: gRes.headers.getSetCookie(),
    });
    check('guard refuses the magic-link session for a 2FA user', gRes.status === 302 && gRes.headers.getSetCookie().length === 0);

    const ghost = new Browser('ghost', '10.8.0.2');
    r = await call(ghost, 'POST', '/partner/auth/sign-in/magic-link', { email: 'ghost@example.com', callbackURL: '/' });
    const ghostMail = await lastMail('ghost@example.com', 'magic-link');
    const ghostVerify = await call(ghost, 'GET', relative(ghostMail.url!));
    step('4h. magic link for an unknown email with disableSignUp: true', { request: r.body, verify: { status: ghostVerify.status, location: ghostVerify.location } });

    // unverified user + magic link → revokeUnprovenAccountAccess (deletes the password account!)
    const carol = new Browser('carol', '10.9.0.1');
    await call(carol, 'POST', '/partner/auth/sign-up/email', { email: 'carol@example.com', password: 'carols password', name: 'Carol' });
    await pool.query(`alter table auth_verification alter column id type uuid using id::uuid`);
    await call(carol, 'POST', '/partner/auth/sign-in/magic-link', { email: 'carol@example.com', callbackURL: '/' });
    let carolMail = await lastMail('carol@example.com', 'magic-link');
    const uuidTry = await call(carol, 'GET', relative(carolMail.url!));
    step('4i. PITFALL: verification.id as uuid + generateId function → magic link for an unverified user', { status: uuidTry.status, body: typeof uuidTry.body === 'string' ? uuidTry.body.slice(0, 200) : uuidTry.body });
    check('fails (500): deterministic base64url reservation id is not a uuid', uuidTry.status === 500);
    await pool.query(`alter table auth_verification alter column id type text`);
    await call(carol, 'POST', '/partner/auth/sign-in/magic-link', { email: 'carol@example.com', callbackURL: '/' });
    carolMail = await lastMail('carol@example.com', 'magic-link');
    r = await call(carol, 'GET', relative(carolMail.url!));
    const carolAccounts = await pool.query(`select provider_id from auth_account a join auth_user u on u.id = a.user_id where u.email = 'carol@example.com'`);
    const carolPw = await call(new Browser('carol2', '10.9.0.2'), 'POST', '/partner/auth/sign-in/email', { email: 'carol@example.com', password: 'carols password' });
    step('4j. with verification.id text: magic link for an unverified user', {
      verify: { status: r.status, location: r.location, signedIn: carol.jar.has('atrium.session_token') },
      accountsLeft: carolAccounts.rows,
      passwordSignInAfterwards: { status: carolPw.status, body: carolPw.body },
    });

    // ------------------------------------------------------------ 6. sessions
    r = await call(alice, 'GET', '/partner/auth/list-sessions');
    step('6a. GET /list-sessions', { status: r.status, count: r.body.length, first: r.body[0] });
    const list = r.body as Array<{ token: string; id: string }>;
    const currentToken = decodeURIComponent(alice.jar.get('atrium.session_token')!).split('.')[0];
    const victim = list.find((s) => s.token !== currentToken)!;
    r = await call(alice, 'POST', '/partner/auth/revoke-session', { token: victim.token });
    const afterOne = await call(alice, 'GET', '/partner/auth/list-sessions');
    step('6b. POST /revoke-session { token }', { status: r.status, body: r.body, remaining: afterOne.body.length });
    check('one fewer session', afterOne.body.length === list.length - 1);
    r = await call(alice, 'POST', '/partner/auth/revoke-other-sessions', {});
    const afterOthers = await call(alice, 'GET', '/partner/auth/list-sessions');
    step('6c. POST /revoke-other-sessions', { status: r.status, body: r.body, remaining: afterOthers.body.length });
    check('only the current session remains', afterOthers.body.length === 1);
    r = await call(aliceB, 'GET', '/partner/auth/get-session');
    check('other browsers are signed out', r.body === null);

    // ------------------------------------------------------------ 7. organization plugin
    r = await call(alice, 'POST', '/partner/auth/organization/create', { name: 'Acme Partners', slug: 'acme' });
    step('7a. POST /organization/create', { status: r.status, body: r.body });
    const orgId: string = r.body.id;
    check('creator is a member with role owner', r.body.members?.[0]?.role === 'owner');
    r = await call(alice, 'GET', '/partner/me');
    step('7b. /partner/me after create (the plugin sets activeOrganizationId on the session)', { status: r.status, body: r.body });

    const meCount = await countQueries(() => call(alice, 'GET', '/partner/me'));
    step('7b2. SQL statements of GET /partner/me (getSession + membership lookup)', meCount.queries.length);

    r = await call(alice, 'POST', '/partner/auth/organization/invite-member', { email: 'bob@example.com', role: 'developer', organizationId: orgId });
    step('7c. POST /organization/invite-member { role: developer }', { status: r.status, body: r.body });
    const invite = await lastMail('bob@example.com', 'invitation');
    const bob = new Browser('bob', '10.10.0.1');
    await call(bob, 'POST', '/partner/auth/sign-up/email', { email: 'bob@example.com', password: 'bobs password!', name: 'Bob' });
    await call(bob, 'GET', relative((await lastMail('bob@example.com', 'verify-email')).url!));
    r = await call(bob, 'POST', '/partner/auth/organization/accept-invitation', { invitationId: invite.token });
    step('7d. bob signs up, verifies, POST /organization/accept-invitation { invitationId }', { status: r.status, body: r.body, acceptLink: invite.url });
    r = await call(bob, 'GET', '/partner/me');
    step('7e. bob /partner/me', { status: r.status, body: r.body });
    const bobKeys = await call(bob, 'POST', '/partner/keys', {});
    check('developer may keys:write', bobKeys.status === 200);
    r = await call(bob, 'POST', '/partner/auth/organization/has-permission', { permissions: { billing: ['manage'] } });
    step('7f. POST /organization/has-permission { billing: [manage] } as developer', { status: r.status, body: r.body });

    r = await call(alice, 'POST', '/partner/auth/organization/create-role', { role: 'auditor', permission: { logs: ['read'], reports: ['read'] }, organizationId: orgId });
    step('7g. POST /organization/create-role (dynamic access control, custom role)', { status: r.status, body: r.body });
    const badRole = await call(alice, 'POST', '/partner/auth/organization/create-role', { role: 'weird', permission: { nonsense: ['fly'] }, organizationId: orgId });
    step('7h. custom role with a permission outside the catalogue', { status: badRole.status, body: badRole.body });
    const bobMember = (await call(alice, 'GET', `/partner/auth/organization/list-members?organizationId=${orgId}`)).body.members.find((m: any) => m.user.email === 'bob@example.com');
    r = await call(alice, 'POST', '/partner/auth/organization/update-member-role', { memberId: bobMember.id, role: 'auditor', organizationId: orgId });
    step('7i. give bob the custom role', { status: r.status, role: r.body?.role });
    r = await call(bob, 'GET', '/partner/me');
    check('bob now has the custom role permissions', r.status === 200 && r.body.permissions.includes('reports:read') && !r.body.permissions.includes('keys:write'));

    const aliceMember = (await call(alice, 'GET', `/partner/auth/organization/list-members?organizationId=${orgId}`)).body.members.find((m: any) => m.user.email === email);
    const leave = await call(alice, 'POST', '/partner/auth/organization/leave', { organizationId: orgId });
    const demote = await call(alice, 'POST', '/partner/auth/organization/update-member-role', { memberId: aliceMember.id, role: 'admin', organizationId: orgId });
    const remove = await call(alice, 'POST', '/partner/auth/organization/remove-member', { memberIdOrEmail: aliceMember.id, organizationId: orgId });
    step('7j. last owner: leave / demote self / remove self', {
      leave: { status: leave.status, body: leave.body },
      demote: { status: demote.status, body: demote.body },
      remove: { status: remove.status, body: remove.body },
    });
    check('all refused', leave.status >= 400 && demote.status >= 400 && remove.status >= 400);

    // race: two owners demote each other at the same moment
    let zeroOwnerRuns = 0;
    const tries = 5;
    for (let i = 0; i < tries; i++) {
      await pool.query(`update auth_member set role = 'owner' where organization_id = $1`, [orgId]);
      const [a, b] = await Promise.all([
        call(alice, 'POST', '/partner/auth/organization/update-member-role', { memberId: bobMember.id, role: 'admin', organizationId: orgId }),
        call(bob, 'POST', '/partner/auth/organization/update-member-role', { memberId: aliceMember.id, role: 'admin', organizationId: orgId }),
      ]);
      const owners = await pool.query(`select count(*)::int as n from auth_member where organization_id = $1 and role = 'owner'`, [orgId]);
      if (owners.rows[0].n === 0) zeroOwnerRuns++;
      if (i === 0) step('7k. two owners demote each other concurrently (first try)', { alice: a.status, bob: b.status, ownersLeft: owners.rows[0].n });
    }
    step('7l. concurrent mutual demotion', `${zeroOwnerRuns} of ${tries} tries left the organization with NO owner`);
    await pool.query(`update auth_member set role = 'owner' where organization_id = $1 and user_id = $2`, [orgId, aliceId]);

    // ------------------------------------------------------------ rate limit in the database
    const dbAuth = createAuth({ db, baseURL: BASE, rateLimitStorage: 'database' });
    const statuses: number[] = [];
    let rlQueries: string[] = [];
    for (let i = 0; i < 4; i++) {
      const q = await countQueries(() =>
        dbAuth.handler(
          new Request(`${BASE}/partner/auth/sign-in/email`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: BASE, 'x-atrium-client-ip': '10.11.0.1' },
            body: JSON.stringify({ email, password: 'wrong wrong wrong' }),
          }),
        ),
      );
      statuses.push(q.result.status);
      if (i === 1) rlQueries = q.queries;
    }
    const rows = await db.select().from(authRateLimit);
    step('3k. rateLimit.storage = database', { statuses, rows, queriesOfSecondAttempt: rlQueries });
    check('4th is 429', statuses[3] === 429);

    // ------------------------------------------------------------ client IP fallback
    const noIpAuth = createAuth({ db, baseURL: BASE });
    const noIp: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await noIpAuth.handler(
        new Request(`${BASE}/partner/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE }, // four different clients, no IP header
          body: JSON.stringify({ email: `client${i}@example.com`, password: 'whatever whatever' }),
        }),
      );
      noIp.push(res.status);
    }
    step('3m. no client-IP header (NODE_ENV not development/test): 4 sign-ins by 4 different clients', noIp);
    check('they share one bucket: the 4th client is locked out', noIp[3] === 429);

    // ------------------------------------------------------------ 9. same-transaction sign-up + tenant + audit
    const su = new Browser('signup', '10.12.0.1');
    const signup = await countQueries(() => call(su, 'POST', '/partner/signup', { email: 'dora@example.com', password: 'doras password', name: 'Dora', tenantSlug: 'dora-co' }));
    const audit = await db.select().from(auditEvent);
    step('9a. POST /partner/signup (Atrium route: auth.api.signUpEmail + tenant + membership + audit in one tx)', {
      status: signup.result.status,
      body: signup.result.body,
      audit,
      statements: signup.queries.map((q) => q.replace(/\s+/g, ' ').slice(0, 70)),
    });
    const txids = new Set(signup.queries.filter((q) => /^(begin|commit|savepoint|release)/i.test(q)));
    check('one BEGIN … COMMIT around everything (better-auth’s own transaction became a SAVEPOINT)', signup.queries.filter((q) => /^begin/i.test(q)).length === 1 && signup.queries.some((q) => /^savepoint/i.test(q)));
    void txids;
    const clash = await call(su, 'POST', '/partner/signup', { email: 'erin@example.com', password: 'erins password', name: 'Erin', tenantSlug: 'dora-co' });
    const erin = await db.select().from(authUser).where(eq(authUser.email, 'erin@example.com'));
    const erinMail = await db.select().from(devMailbox).where(eq(devMailbox.to, 'erin@example.com'));
    step('9b. same with a tenant slug that already exists', { status: clash.status, body: clash.body, erinUserRows: erin.length, erinMailRows: erinMail.length, tenants: (await db.select().from(tenant)).length });
    check('user, account and verification mail rolled back with the tenant insert', clash.status === 409 && erin.length === 0 && erinMail.length === 0);
    const dup = await call(su, 'POST', '/partner/signup', { email: 'dora@example.com', password: 'someone elses pw', name: 'Not Dora', tenantSlug: 'fresh-slug' });
    step('9c. PITFALL: same route with an email that already exists (better-auth answers with a synthetic user)', { status: dup.status, body: dup.body });
    check('synthetic user id is not in auth_user → FK error → a different answer: the route must not create the tenant before the email is verified', dup.status === 409);

    // ------------------------------------------------------------ sign-out
    r = await call(alice, 'POST', '/partner/auth/sign-out', {});
    step('3l. POST /sign-out', { status: r.status, body: r.body, setCookies: r.setCookies });
    r = await call(alice, 'GET', '/partner/me');
    check('/partner/me is 401 after sign-out', r.status === 401);

    // ------------------------------------------------------------ 8. hashing cost
    const { hash: argonHash } = await import('@node-rs/argon2');
    const { hashPassword } = await import('better-auth/crypto');
    let t = performance.now();
    for (let i = 0; i < 10; i++) await argonHash('correct horse battery', { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const argonMs = (performance.now() - t) / 10;
    t = performance.now();
    for (let i = 0; i < 10; i++) await hashPassword('correct horse battery');
    const scryptMs = (performance.now() - t) / 10;
    step('8. hash cost per password', { argon2id_m19456_t2_p1_ms: argonMs.toFixed(1), betterAuthDefaultScrypt_N16384_r16_p1_ms: scryptMs.toFixed(1) });
  } finally {
    server?.close();
    await pool.end();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
  console.log(`\n${failures === 0 ? 'ALL CHECKS PASSED' : `${failures} CHECK(S) FAILED`}`);
  process.exitCode = failures === 0 ? 0 : 1;
}

await main();
