import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apps, tenants } from '../tenancy/schema.js';

const tz = { withTimezone: true } as const;

/**
 * An end customer of a tenant (a bank's account holder), known to the partner by `external_ref`.
 * The latest analysis is copied onto the row (`persona`, `drift_*`, `cravings`) so the customer
 * table and the intelligence dashboard filter and aggregate without reading analyses.
 *
 * A merged duplicate stays (its history is kept) with `merged_into_id` set; its transactions moved
 * to the survivor, and statements sent later under its `external_ref` go to the survivor too.
 */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    externalRef: text('external_ref').notNull(),
    /** A label the tenant may give (PATCH); never needed by the analysis. */
    displayName: text('display_name'),
    birthYear: smallint('birth_year'),
    /** Free text as the partner sends it, e.g. `female`, `male`, `non_binary`, `unknown`. */
    gender: text('gender'),
    region: text('region'),
    /** Latest analysis: persona key (see the analysis engine's persona catalogue). */
    persona: text('persona'),
    /** Latest analysis: `none`, `moderate` (PSI 0.1–0.25) or `alert` (PSI > 0.25); null before two periods. */
    driftLevel: text('drift_level'),
    driftPsi: real('drift_psi'),
    /** Latest analysis: the craving profile, `[{ driver, score, confidence, state }]`. */
    cravings: jsonb('cravings'),
    /**
     * Latest analysis: the persona of each month of the history, `{ "2025-01": "saver", … }` — the
     * timeline's personas without the rest of it. The dashboard's persona timeline counts these;
     * reading every customer's latest analysis for it took seconds at 100,000 customers.
     */
    personaMonths: jsonb('persona_months'),
    /** Filled by the compliance module: `low`, `medium`, `high`; null until it runs. */
    riskLevel: text('risk_level'),
    transactionCount: integer('transaction_count').notNull().default(0),
    firstTransactionOn: date('first_transaction_on'),
    lastTransactionOn: date('last_transaction_on'),
    analyzedAt: timestamp('analyzed_at', tz),
    archivedAt: timestamp('archived_at', tz),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => customers.id),
    mergedAt: timestamp('merged_at', tz),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('customers_tenant_ref_idx').on(table.tenantId, table.externalRef),
    // What transactions reference: their customer within their tenant, in one foreign key.
    uniqueIndex('customers_tenant_id_idx').on(table.tenantId, table.id),
    index('customers_tenant_persona_idx').on(table.tenantId, table.persona),
    index('customers_tenant_drift_idx').on(table.tenantId, table.driftLevel),
  ],
);

/** One upload through `POST /v1/statements`: who sent it, what it held, what it added. */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** The app of the key that sent it; null when the app was deleted since. */
    appId: uuid('app_id').references(() => apps.id, { onDelete: 'set null' }),
    keyId: uuid('key_id'),
    /** `json` or `csv`. */
    format: text('format').notNull(),
    /** Rows in the upload, rows stored, rows skipped as already known (re-sent transactions). */
    receivedCount: integer('received_count').notNull(),
    storedCount: integer('stored_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    /** The analysis job run (jobs module) this upload started. */
    jobRunId: uuid('job_run_id'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [index('statements_tenant_customer_idx').on(table.tenantId, table.customerId, table.createdAt)],
);

/**
 * A customer's transaction. `amount` is signed: money in is positive, money out negative.
 * `dedupe_key` is `p:<partner id>` when the partner gave one, else `f:<fingerprint>` (date, amount,
 * currency, description, counterparty and the row's occurrence among identical rows of its upload),
 * so re-sending a statement stores nothing twice. `category` is what the categoriser assigned at
 * ingestion (the partner's own category, when sent, is kept in `partner_category`).
 *
 * Ingestion writes up to 50,000 rows per request, and a foreign key checks each row on its own: the
 * composite key to the customer was a third of the INSERT's time (`npm run bench:intelligence`).
 * So the tie to the customer *within its tenant* is kept by statement-level triggers instead
 * (migration 0028): one set-based check per INSERT or UPDATE statement that every (tenant_id,
 * customer_id) is a customer, locking them as a key would, and the customer's deletion deleting
 * its transactions. `statement_id` records where the row came from without a key: statements are
 * never deleted on their own, only with their customer.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    statementId: uuid('statement_id').notNull(),
    bookedOn: date('booked_on').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    counterparty: text('counterparty'),
    channel: text('channel'),
    partnerCategory: text('partner_category'),
    mcc: text('mcc'),
    partnerTransactionId: text('partner_transaction_id'),
    dedupeKey: text('dedupe_key').notNull(),
    category: text('category').notNull(),
    categoryConfidence: real('category_confidence').notNull(),
    /**
     * How the categoriser got there: `mcc`, `partner` (the partner's own category), `rule`,
     * `keyword` (the merchant dictionary) or `fallback`. Null for rows stored before it was kept.
     */
    categorySource: text('category_source'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('transactions_customer_dedupe_idx').on(table.customerId, table.dedupeKey),
    index('transactions_tenant_customer_booked_idx').on(
      table.tenantId,
      table.customerId,
      table.bookedOn,
      table.id,
    ),
  ],
);

/**
 * One run of the analysis engine over a customer's whole history: the persona with its reasons,
 * the craving profile, the income/spend profile, the drift between the last two periods and the
 * month-by-month timeline. Every run is kept (the Drift tab's history, the dashboard's alert feed).
 */
export const customerAnalyses = pgTable(
  'customer_analyses',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id').references(() => statements.id, { onDelete: 'set null' }),
    engineVersion: text('engine_version').notNull(),
    transactionCount: integer('transaction_count').notNull(),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    persona: text('persona').notNull(),
    personaReasons: jsonb('persona_reasons').notNull(),
    cravings: jsonb('cravings').notNull(),
    profile: jsonb('profile').notNull(),
    /** `{ psi, jsDistance, level, from, to, shifts }`, or null with fewer than two periods. */
    drift: jsonb('drift'),
    driftLevel: text('drift_level'),
    driftPsi: real('drift_psi'),
    /** `[{ month, persona, transactionCount, categories }]`: the contextual persona timeline. */
    timeline: jsonb('timeline').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (table) => [
    index('customer_analyses_customer_idx').on(table.tenantId, table.customerId, table.createdAt),
    index('customer_analyses_drift_idx')
      .on(table.tenantId, table.createdAt)
      .where(sql`drift_level IN ('moderate', 'alert')`),
  ],
);
