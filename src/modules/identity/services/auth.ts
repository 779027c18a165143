import type { AppServices } from '../../../kernel/context.js';
import { withTransaction } from '../../../kernel/db/transaction.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { resolveSecret } from '../../../kernel/secret.js';
import { queueMail } from '../../mail/index.js';
import { authSchema } from '../schema.js';

export const AUTH_BASE_PATH = '/partner/auth';
/** Set by the mount from the socket address: better-auth reads the client IP only from headers. */
export const CLIENT_IP_HEADER = 'x-atrium-client-ip';

// OWASP's argon2id minimum (m = 19 MiB, t = 2, p = 1).
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * better-auth and argon2 load on the first authentication request, not at start: they are large
 * imports (measured: second start 0.9 s without them, 1.5 s with them), and a worker never needs them.
 */
async function createAuth(services: AppServices) {
  const [{ betterAuth }, { drizzleAdapter }, { hash, verify }] = await Promise.all([
    import('better-auth'),
    import('better-auth/adapters/drizzle'),
    import('@node-rs/argon2'),
  ]);
  const { config } = services;
  const baseURL = config.ATRIUM_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const devOrigins = config.NODE_ENV === 'production' ? [] : ['http://localhost:5173'];
  const mail = (to: string, subject: string, text: string) =>
    withTransaction(services.pool, (tx) => queueMail(services, tx, { to, subject, text }));
  return betterAuth({
    appName: 'Atrium',
    baseURL,
    basePath: AUTH_BASE_PATH,
    secret: resolveSecret(config),
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message) => services.log[level]({ component: 'auth' }, message),
    },
    trustedOrigins: [baseURL, ...devOrigins],
    database: drizzleAdapter(services.db, { provider: 'pg', schema: authSchema }),
    advanced: {
      cookiePrefix: 'atrium',
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 10,
      password: {
        hash: (password) => hash(password, ARGON2ID),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendVerificationEmail: async ({ user, url }) =>
        void (await mail(
          user.email,
          'Verify your email address for Atrium',
          `Open this link to verify it: ${url}`,
        )),
    },
    rateLimit: { enabled: true, storage: 'memory' },
    session: {
      // Atrium's column (the tenant switcher): declared so getSession returns it, never client input.
      additionalFields: { activeTenantId: { type: 'string', required: false, input: false } },
    },
  });
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const instances = new WeakMap<AppServices, Promise<Auth>>();

/** One better-auth instance per process (per set of services), created on first use. */
export function authFor(services: AppServices): Promise<Auth> {
  let auth = instances.get(services);
  if (!auth) {
    auth = createAuth(services);
    instances.set(services, auth);
  }
  return auth;
}
