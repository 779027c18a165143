// Test support: customers, transactions and analyses written straight into the tables, as the
// ingestion and the analysis job would leave them, so analytics tests choose every figure.
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';

/** A pg Pool or Client connected as a role that bypasses row-level security (the tests' owner). */
export interface Queryable {
  query(sql: string, values?: unknown[]): Promise<unknown>;
}

export interface CravingFixture {
  driver: string;
  score: number;
  confidence: number;
  state: 'measured' | 'needs_more_data';
}

export interface CustomerFixture {
  externalRef: string;
  region?: string | null;
  gender?: string | null;
  birthYear?: number | null;
  persona?: string | null;
  driftLevel?: 'none' | 'moderate' | 'alert' | null;
  driftPsi?: number | null;
  cravings?: CravingFixture[] | null;
  /** `YYYY-MM-DD` days with one transaction each; they also set first/last transaction day. */
  transactionDays?: string[];
  archived?: boolean;
  /** The id of the customer this one was merged into. */
  mergedIntoId?: string;
}

/** Inserts a customer (and a statement holding its transactions); returns its UUID. */
export async function insertCustomer(db: Queryable, tenantId: string, fixture: CustomerFixture) {
  const id = uuidv7();
  const days = [...(fixture.transactionDays ?? [])].sort();
  await db.query(
    `INSERT INTO customers (id, tenant_id, external_ref, birth_year, gender, region, persona, drift_level,
                            drift_psi, cravings, transaction_count, first_transaction_on, last_transaction_on,
                            analyzed_at, archived_at, merged_into_id, merged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::date, $13::date,
             CASE WHEN $7::text IS NULL THEN NULL ELSE now() END,
             CASE WHEN $14 THEN now() END, $15::uuid, CASE WHEN $15::uuid IS NULL THEN NULL ELSE now() END)`,
    [
      id,
      tenantId,
      fixture.externalRef,
      fixture.birthYear ?? null,
      fixture.gender ?? null,
      fixture.region ?? null,
      fixture.persona ?? null,
      fixture.driftLevel ?? null,
      fixture.driftPsi ?? null,
      fixture.cravings === undefined || fixture.cravings === null ? null : JSON.stringify(fixture.cravings),
      days.length,
      days[0] ?? null,
      days.at(-1) ?? null,
      fixture.archived ?? false,
      fixture.mergedIntoId ?? null,
    ],
  );
  if (days.length) await insertTransactions(db, tenantId, id, days);
  return id;
}

async function insertTransactions(db: Queryable, tenantId: string, customerId: string, days: string[]) {
  const statementId = uuidv7();
  await db.query(
    `INSERT INTO statements (id, tenant_id, customer_id, format, received_count, stored_count, duplicate_count)
     VALUES ($1, $2, $3, 'json', $4, $4, 0)`,
    [statementId, tenantId, customerId, days.length],
  );
  await db.query(
    `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                               dedupe_key, category, category_confidence)
     SELECT d.id, $1, $2, $3, d.day::date, -10.00, 'KES', 'Groceries', 'f:' || d.id, 'groceries', 0.9
       FROM unnest($4::uuid[], $5::text[]) AS d(id, day)`,
    [tenantId, customerId, statementId, days.map(() => uuidv7()), days],
  );
}

export interface AnalysisFixture {
  persona: string;
  driftLevel?: 'none' | 'moderate' | 'alert' | null;
  driftPsi?: number | null;
  jsDistance?: number;
  shifts?: { category: string; fromShare: number; toShare: number }[];
  /** When the analysis ran. */
  createdAt: Date;
  /** The month-by-month personas: `[['2025-01', 'saver'], …]`. */
  months?: [string, string][];
}

/** Inserts one analysis of a customer; returns its UUID. */
export async function insertAnalysis(
  db: Queryable,
  tenantId: string,
  customerId: string,
  fixture: AnalysisFixture,
) {
  const id = uuidv7();
  const drift =
    fixture.driftLevel === undefined || fixture.driftLevel === null
      ? null
      : {
          psi: fixture.driftPsi ?? 0,
          jsDistance: fixture.jsDistance ?? 0,
          level: fixture.driftLevel,
          from: { start: '2025-01-01', end: '2025-03-31' },
          to: { start: '2025-04-01', end: '2025-06-30' },
          shifts: fixture.shifts ?? [],
        };
  const timeline = (fixture.months ?? []).map(([month, persona]) => ({
    month,
    persona,
    transactionCount: 10,
    income: 1000,
    spend: 800,
    categories: {},
  }));
  await db.query(
    `INSERT INTO customer_analyses (id, tenant_id, customer_id, engine_version, transaction_count, persona,
                                    persona_reasons, cravings, profile, drift, drift_level, drift_psi, timeline,
                                    created_at)
     VALUES ($1, $2, $3, 'test', 10, $4, '[]', '[]', '{}', $5::jsonb, $6, $7, $8::jsonb, $9)`,
    [
      id,
      tenantId,
      customerId,
      fixture.persona,
      drift === null ? null : JSON.stringify(drift),
      fixture.driftLevel ?? null,
      fixture.driftPsi ?? null,
      JSON.stringify(timeline),
      fixture.createdAt.toISOString(),
    ],
  );
  // As the analysis job leaves it: the latest analysis's month-by-month personas on the customer.
  await db.query(
    `UPDATE customers c SET persona_months = $3::jsonb
      WHERE c.tenant_id = $1 AND c.id = $2
        AND NOT EXISTS (SELECT 1 FROM customer_analyses a
                         WHERE a.tenant_id = $1 AND a.customer_id = $2 AND a.created_at > $4)`,
    [
      tenantId,
      customerId,
      JSON.stringify(Object.fromEntries(fixture.months ?? [])),
      fixture.createdAt.toISOString(),
    ],
  );
  return id;
}

/** A measured craving (or one that needs more data when `score` is null). */
export function craving(driver: string, score: number | null, confidence = 0.8): CravingFixture {
  return score === null
    ? { driver, score: 0, confidence: 0.1, state: 'needs_more_data' }
    : { driver, score, confidence, state: 'measured' };
}
