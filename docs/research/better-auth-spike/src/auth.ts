import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink, organization, twoFactor } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';
import type { Db } from './db.js';
import { eq } from 'drizzle-orm';
import { authSchema, authUser, devMailbox } from './schema.js';
import { uuidv7 } from './uuidv7.js';

/** Header Atrium's mount sets from the socket address (and overwrites if a client sent it). */
export const CLIENT_IP_HEADER = 'x-atrium-client-ip';

/**
 * A permission catalogue as Atrium would gather it from module manifests (`resource:action`),
 * plus the organization plugin's own statements (its endpoints check those).
 */
export const catalogue = {
  ...defaultStatements, // organization:update|delete, member:create|update|delete, invitation:create|cancel, team:*, ac:*
  keys: ['read', 'write'],
  logs: ['read'],
  webhooks: ['read', 'write'],
  team: [...defaultStatements.team, 'manage'],
  billing: ['manage'],
  customers: ['read'],
  compliance: ['write'],
  reports: ['read'],
} as const;
export const ac = createAccessControl(catalogue);
export const roles = {
  owner: ac.newRole({
    organization: ['update', 'delete'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'],
    ac: ['create', 'read', 'update', 'delete'], keys: ['read', 'write'], logs: ['read'], webhooks: ['read', 'write'],
    team: ['manage'], billing: ['manage'], customers: ['read'], compliance: ['write'], reports: ['read'],
  }),
  admin: ac.newRole({
    organization: ['update'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'],
    ac: ['create', 'read', 'update', 'delete'], keys: ['read', 'write'], logs: ['read'], webhooks: ['read', 'write'], team: ['manage'],
  }),
  developer: ac.newRole({ keys: ['read', 'write'], logs: ['read'], webhooks: ['read', 'write'] }),
  analyst: ac.newRole({ customers: ['read'], compliance: ['write'], reports: ['read'] }),
  viewer: ac.newRole({ keys: ['read'], logs: ['read'], webhooks: ['read'], reports: ['read'] }),
};

export interface AuthOptions {
  db: Db;
  baseURL: string;
  basePath?: string;
  cookieCache?: boolean;
  useSecureCookies?: boolean;
  rateLimitStorage?: 'memory' | 'database';
  passwordHasher?: 'argon2id' | 'default-scrypt';
  /** Refuse magic-link sessions for users with 2FA on (the plugin would skip the second factor). */
  guardMagicLink2fa?: boolean;
}

export function createAuth(o: AuthOptions) {
  const mail = async (to: string, kind: string, url: string | null, token: string | null) => {
    // Atrium: insert into the notifications/dev mailbox (or enqueue a mail job) — never send inline.
    await o.db.insert(devMailbox).values({ id: uuidv7(), to, kind, url, token });
  };
  return betterAuth({
    appName: 'Atrium',
    baseURL: o.baseURL,
    basePath: o.basePath ?? '/partner/auth',
    secret: 'spike-secret-spike-secret-spike-secret-0123456789',
    telemetry: { enabled: false },
    // Atrium: forward to pino (level names match: debug/info/warn/error).
    logger: { level: 'warn', log: (level, message) => console.log(`  [better-auth ${level}] ${message.split('\n')[0]}`) },
    trustedOrigins: [o.baseURL],
    database: drizzleAdapter(o.db, { provider: 'pg', schema: authSchema, transaction: true }),
    advanced: {
      cookiePrefix: 'atrium',
      ...(o.useSecureCookies === undefined ? {} : { useSecureCookies: o.useSecureCookies }),
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url, token }) => mail(user.email, 'reset-password', url, token),
      ...(o.passwordHasher === 'default-scrypt'
        ? {}
        : {
            password: {
              // OWASP argon2id minimum (m=19 MiB, t=2, p=1); @node-rs/argon2 defaults are the same.
              hash: (password: string) => argonHash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
              verify: ({ hash, password }: { hash: string; password: string }) => argonVerify(hash, password),
            },
          }),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url, token }) => mail(user.email, 'verify-email', url, token),
    },
    session: o.cookieCache ? { cookieCache: { enabled: true, maxAge: 60 } } : {},
    databaseHooks: o.guardMagicLink2fa
      ? {
          session: {
            create: {
              before: async (session, ctx) => {
                if (ctx?.path !== '/magic-link/verify') return;
                const [u] = await o.db.select({ tfa: authUser.twoFactorEnabled }).from(authUser).where(eq(authUser.id, session.userId));
                if (u?.tfa) return false; // no session → the plugin redirects with ?error=failed_to_create_session
              },
            },
          },
        }
      : {},
    rateLimit: { enabled: true, storage: o.rateLimitStorage ?? 'memory', modelName: 'rateLimit' },
    plugins: [
      twoFactor({ issuer: 'Atrium' }),
      magicLink({
        disableSignUp: true,
        sendMagicLink: async ({ email, url, token }) => mail(email, 'magic-link', url, token),
      }),
      organization({
        ac,
        roles,
        creatorRole: 'owner',
        dynamicAccessControl: { enabled: true },
        sendInvitationEmail: async ({ id, email }) =>
          mail(email, 'invitation', `${o.baseURL}/accept-invitation/${id}`, id),
      }),
    ],
  });
}
export type Auth = ReturnType<typeof createAuth>;
