import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true } as const;
const now = () => new Date();

/**
 * A partner organisation. Its own row is not tenant-scoped by RLS (operators list tenants); every
 * table that belongs to a tenant carries `tenant_id` and is.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** What kind of partnership: decides which domain modules the tenant uses first. */
    type: text('type').notNull().default('other'),
    tier: text('tier').notNull().default('free'),
    status: text('status').notNull().default('active'),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    taxId: text('tax_id'),
    /** A small image as a data URL (PNG, JPEG, SVG or WebP), shown in reports and exports. */
    logo: text('logo'),
    brandColor: text('brand_color'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [index('tenants_name_idx').on(sql`lower(${table.name})`)],
);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [uniqueIndex('projects_tenant_name_idx').on(table.tenantId, sql`lower(${table.name})`)],
);

export const apps = pgTable(
  'apps',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    environment: text('environment').notNull(),
    /** Normalised CIDRs (v4 and v6); empty means every address may call. */
    ipAllowlist: text('ip_allowlist').array().notNull().default(sql`'{}'::text[]`),
    settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow().$onUpdate(now),
  },
  (table) => [
    index('apps_tenant_project_idx').on(table.tenantId, table.projectId),
    uniqueIndex('apps_tenant_project_name_idx').on(
      table.tenantId,
      table.projectId,
      sql`lower(${table.name})`,
    ),
  ],
);
