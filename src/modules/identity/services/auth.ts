import { eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { AppServices } from '../../../kernel/context.js';
import { withTransaction } from '../../../kernel/db/transaction.js';
import { trustedOrigins } from '../../../kernel/http/same-origin.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import type { Logger } from '../../../kernel/logger.js';
import { resolveSecret } from '../../../kernel/secret.js';
import { queueMail } from '../../mail/index.js';
import { authSchema, authUser } from '../schema.js';
import { type AuthMail, authMails } from './auth-mail.js';
import { refuseMagicLinkWithTwoFactor } from './refuse-magic-link-with-two-factor.js';
import { inboxProvenScope } from './verification-mail-scope.js';

export const AUTH_BASE_PATH = '/partner/auth';
/** Set by the mount from the socket address: better-auth reads the client IP only from headers. */
export const CLIENT_IP_HEADER = 'x-atrium-client-ip';

// OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * better-auth endpoints Atrium does not offer: no social or OAuth providers are configured, OTP by
 * mail or SMS is not set up (TOTP is), deleting a user or changing an email would bypass the
 * tenancy rules (last owner, invitations by email), mailed links open dashboard pages instead of
 * redirect endpoints, and the plugin's own OpenAPI endpoints are replaced by /openapi.json.
 */
const DISABLED_PATHS = [
  '/ok',
  '/error',
  '/change-email',
  '/update-session',
  '/reset-password/:token',
  '/sign-in/social',
  '/callback/:id',
  '/link-social',
  '/unlink-account',
  '/list-accounts',
  '/account-info',
  '/refresh-token',
  '/get-access-token',
  '/delete-user',
  '/delete-user/callback',
  '/two-factor/send-otp',
  '/two-factor/verify-otp',
  '/open-api/generate-schema',
  '/reference',
];

/** What a better-auth instance needs from its surroundings. */
export interface AuthDeps {
  /** Where the dashboard is reached; mailed links point at its pages. */
  baseURL: string;
  trustedOrigins: (request: Request | undefined) => string[];
  secret: string;
  db: NodePgDatabase;
  log: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  sendMail: (to: string, mail: AuthMail) => Promise<void>;
  /** Sign-in, sign-up and two-factor attempts per client address in 10 seconds. */
  signInRateLimit: number;
}

/**
 * better-auth and argon2 load on the first authentication request, not at start: they are large
 * imports (measured: second start 0.9 s without them, 1.5 s with them), and a worker never needs them.
 */
export async function buildAuth(deps: AuthDeps) {
  const [{ betterAuth }, { APIError }, { drizzleAdapter }, { twoFactor }, { magicLink }, { openAPI }, argon] =
    await Promise.all([
      import('better-auth'),
      import('better-auth/api'),
      import('better-auth/adapters/drizzle'),
      import('better-auth/plugins/two-factor'),
      import('better-auth/plugins/magic-link'),
      import('better-auth/plugins/open-api'),
      import('@node-rs/argon2'),
    ]);
  const mails = authMails(deps.baseURL);
  return betterAuth({
    appName: 'Atrium',
    baseURL: deps.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: deps.secret,
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => deps.log[level]({ component: 'auth' }, message),
    },
    trustedOrigins: deps.trustedOrigins,
    disabledPaths: DISABLED_PATHS,
    database: drizzleAdapter(deps.db, { provider: 'pg', schema: authSchema }),
    advanced: {
      cookiePrefix: 'atrium',
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    session: {
      // Atrium's column (the tenant switcher); better-auth reads it with the session, never writes it.
      additionalFields: { activeTenantId: { type: 'string', required: false, input: false } },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password) => argon.hash(password, ARGON2ID),
        verify: ({ hash: stored, password }) => argon.verify(stored, password),
      },
      sendResetPassword: ({ user, token }) => deps.sendMail(user.email, mails.resetPassword(token)),
      // Same answer to the caller as a new sign-up; the owner of the address learns what happened.
      onExistingUserSignUp: ({ user }) => deps.sendMail(user.email, mails.existingAccount()),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendVerificationEmail: async ({ user, token }) => {
        if (inboxProvenScope.getStore()) return;
        await deps.sendMail(user.email, mails.verifyEmail(token));
      },
    },
    databaseHooks: {
      session: { create: { before: refuseMagicLinkWithTwoFactor(deps.db, APIError) } },
    },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      customRules: Object.fromEntries(
        ['/sign-in/*', '/sign-up/*', '/two-factor/*'].map((path) => [
          path,
          { window: 10, max: deps.signInRateLimit },
        ]),
      ),
    },
    plugins: [
      twoFactor({ issuer: 'Atrium', backupCodeOptions: { amount: 10, length: 10 } }),
      magicLink({
        disableSignUp: true,
        // Sign-up is off, so a link to an unknown address could never work: no mail to strangers.
        sendMagicLink: async ({ email, token }) => {
          if (await userExists(deps.db, email)) await deps.sendMail(email, mails.magicLink(token));
        },
      }),
      // Only for its schema generator (see auth-openapi.ts); its endpoints are disabled above.
      openAPI({ disableDefaultReference: true }),
    ],
  });
}

async function userExists(db: NodePgDatabase, email: string): Promise<boolean> {
  const [user] = await db
    .select({ id: authUser.id })
    .from(authUser)
    .where(eq(authUser.email, email.toLowerCase()));
  return user !== undefined;
}

export type Auth = Awaited<ReturnType<typeof buildAuth>>;

function depsFor(services: AppServices): AuthDeps {
  const { config } = services;
  return {
    baseURL: config.ATRIUM_PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    // The same rule as Atrium's own CSRF check (kernel/http/same-origin.ts).
    trustedOrigins: (request) => [
      ...trustedOrigins(config),
      ...(request ? [new URL(request.url).origin] : []),
    ],
    secret: resolveSecret(config),
    db: services.db,
    log: services.log,
    signInRateLimit: config.ATRIUM_SIGN_IN_RATE_LIMIT,
    sendMail: async (to, mail) => {
      await withTransaction(services.pool, (tx) => queueMail(services, tx, { to, ...mail }));
    },
  };
}

const instances = new WeakMap<AppServices, Promise<Auth>>();

/** One better-auth instance per process (per set of services), created on first use. */
export function authFor(services: AppServices): Promise<Auth> {
  let auth = instances.get(services);
  if (!auth) {
    auth = buildAuth(depsFor(services));
    instances.set(services, auth);
  }
  return auth;
}
