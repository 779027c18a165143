import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUser } from '../identity/schema.js';
import { tenants } from '../tenancy/schema.js';

const tz = { withTimezone: true } as const;
const now = () => new Date();

/**
 * A tenant's roles. The five built-in roles get a row per tenant (so memberships always point at a
 * row) but their permissions come from the module manifests' defaults, so a new module's
 * permissions reach them; custom roles keep their own list.
 */
export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** `owner`, `admin`, `developer`, `analyst`, `viewer`, or a slug for a custom role. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    builtIn: boolean('built_in').notNull().default(false),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [uniqueIndex('roles_tenant_key_idx').on(table.tenantId, table.key)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'restrict' }),
    joinedAt: timestamp('joined_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [
    uniqueIndex('memberships_tenant_user_idx').on(table.tenantId, table.userId),
    index('memberships_user_idx').on(table.userId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    roleId: uuid('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the mailed link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** pending → accepted | cancelled; expiry is read from `expires_at`. */
    status: text('status').notNull().default('pending'),
    invitedBy: uuid('invited_by').references(() => authUser.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', tz).notNull(),
    sentAt: timestamp('sent_at', tz).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', tz),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    index('invitations_tenant_status_idx').on(table.tenantId, table.status),
    uniqueIndex('invitations_pending_email_idx')
      .on(table.tenantId, sql`lower(${table.email})`)
      .where(sql`${table.status} = 'pending'`),
  ],
);

/** Operator staff: `operator_admin` or `operator_support`, across all tenants. */
export const operatorMembers = pgTable('operator_members', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => authUser.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
});
