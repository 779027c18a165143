import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The better-auth tables, written by hand (its generator needs Node 22): SQL names follow Atrium's
 * conventions (`auth_` prefix, snake_case, timestamptz, UUIDv7 ids); the property names are
 * better-auth's field names, which its adapter requires. Verified in docs/research/better-auth.md.
 */
const tz = { withTimezone: true } as const;
const now = () => new Date();

export const authUser = pgTable('auth_user', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  /** better-auth's twoFactor plugin. */
  twoFactorEnabled: boolean('two_factor_enabled').default(false),
});

export const authSession = pgTable(
  'auth_session',
  {
    id: uuid('id').primaryKey(),
    expiresAt: timestamp('expires_at', tz).notNull(),
    token: text('token').notNull().unique(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().$onUpdate(now),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    /**
     * Atrium's column, not better-auth's: the tenant this session works in (the tenant switcher).
     * No foreign key: identity does not know tenants; membership is checked on every request.
     */
    activeTenantId: uuid('active_tenant_id'),
  },
  (table) => [index('auth_session_user_id_idx').on(table.userId)],
);

export const authAccount = pgTable(
  'auth_account',
  {
    id: uuid('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', tz),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', tz),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().$onUpdate(now),
  },
  (table) => [index('auth_account_user_id_idx').on(table.userId)],
);

/** id is text: better-auth writes non-UUID ids here for some flows (magic links). */
export const authVerification = pgTable(
  'auth_verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [index('auth_verification_identifier_idx').on(table.identifier)],
);

/** better-auth's twoFactor plugin: the TOTP secret and backup codes, encrypted by better-auth. */
export const authTwoFactor = pgTable(
  'auth_two_factor',
  {
    id: uuid('id').primaryKey(),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    verified: boolean('verified').default(true),
    failedVerificationCount: integer('failed_verification_count').default(0),
    lockedUntil: timestamp('locked_until', tz),
  },
  (table) => [index('auth_two_factor_user_id_idx').on(table.userId)],
);

/** Keyed by better-auth's model names, as its Drizzle adapter expects. */
export const authSchema = {
  user: authUser,
  session: authSession,
  account: authAccount,
  verification: authVerification,
  twoFactor: authTwoFactor,
};
