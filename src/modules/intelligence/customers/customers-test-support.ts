// Test support: customers, statements, transactions and analyses written straight into the tables,
// so the customer API is tested without depending on ingestion or the analysis engine.
import type { Pool } from '../../../kernel/db/pool.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';

export interface CustomerFixture {
  externalRef: string;
  displayName?: string | null;
  birthYear?: number | null;
  gender?: string | null;
  region?: string | null;
  persona?: string | null;
  driftLevel?: 'none' | 'moderate' | 'alert' | null;
  driftPsi?: number | null;
  riskLevel?: 'low' | 'medium' | 'high' | null;
  archived?: boolean;
}

export async function insertCustomer(
  pool: Pool,
  tenantId: string,
  fixture: CustomerFixture,
): Promise<string> {
  const id = uuidv7();
  await pool.query(
    `INSERT INTO customers (id, tenant_id, external_ref, display_name, birth_year, gender, region, persona,
                            drift_level, drift_psi, risk_level, analyzed_at, archived_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $8::text IS NULL THEN NULL ELSE now() END,
             CASE WHEN $12 THEN now() END)`,
    [
      id,
      tenantId,
      fixture.externalRef,
      fixture.displayName ?? null,
      fixture.birthYear ?? null,
      fixture.gender ?? null,
      fixture.region ?? null,
      fixture.persona ?? null,
      fixture.driftLevel ?? null,
      fixture.driftPsi ?? null,
      fixture.riskLevel ?? null,
      fixture.archived ?? false,
    ],
  );
  return id;
}

export interface TransactionFixture {
  bookedOn: string;
  amount: string;
  description: string;
  currency?: string;
  category?: string;
  categoryConfidence?: number;
  categorySource?: string;
  counterparty?: string | null;
  channel?: string | null;
  /** Defaults to a key of its own; give the same key to two customers to model one transaction sent twice. */
  dedupeKey?: string;
}

/** One statement holding the transactions; the customer's counters are recomputed as ingestion would. */
export async function insertStatement(
  pool: Pool,
  tenantId: string,
  customerId: string,
  rows: TransactionFixture[],
): Promise<{ statementId: string; transactionIds: string[] }> {
  const statementId = uuidv7();
  await pool.query(
    `INSERT INTO statements (id, tenant_id, customer_id, format, received_count, stored_count, duplicate_count)
     VALUES ($1, $2, $3, 'json', $4, $4, 0)`,
    [statementId, tenantId, customerId, rows.length],
  );
  const transactionIds: string[] = [];
  for (const row of rows) {
    const id = uuidv7();
    transactionIds.push(id);
    await pool.query(
      `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                                 counterparty, channel, dedupe_key, category, category_confidence, category_source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        id,
        tenantId,
        customerId,
        statementId,
        row.bookedOn,
        row.amount,
        row.currency ?? 'KES',
        row.description,
        row.counterparty ?? null,
        row.channel ?? 'card',
        row.dedupeKey ?? `f:${id}`,
        row.category ?? 'groceries',
        row.categoryConfidence ?? 0.9,
        row.categorySource ?? 'keyword',
      ],
    );
  }
  await pool.query(
    `UPDATE customers c SET transaction_count = t.count, first_transaction_on = t.first, last_transaction_on = t.last
       FROM (SELECT count(*)::int AS count, min(booked_on) AS first, max(booked_on) AS last
               FROM transactions WHERE customer_id = $1) t
      WHERE c.id = $1`,
    [customerId],
  );
  return { statementId, transactionIds };
}

export interface AnalysisFixture {
  persona: string;
  driftLevel?: 'none' | 'moderate' | 'alert' | null;
  psi?: number;
  /** The month the timeline covers (one month, this persona). */
  month?: string;
}

/** An analysis as the engine stores it, with reasons, cravings (one needing more data), profile, drift and timeline. */
export async function insertAnalysis(
  pool: Pool,
  tenantId: string,
  customerId: string,
  fixture: AnalysisFixture,
): Promise<string> {
  const id = uuidv7();
  const level = fixture.driftLevel ?? null;
  const psi = fixture.psi ?? (level === 'alert' ? 0.31 : level === 'moderate' ? 0.17 : 0.04);
  const drift = level
    ? {
        psi,
        jsDistance: psi / 2,
        level,
        from: { start: '2025-01-01', end: '2025-03-31' },
        to: { start: '2025-04-01', end: '2025-06-30' },
        shifts: [{ category: 'gambling', fromShare: 0.02, toShare: 0.19 }],
      }
    : null;
  await pool.query(
    `INSERT INTO customer_analyses (id, tenant_id, customer_id, engine_version, transaction_count, period_start,
                                    period_end, persona, persona_reasons, cravings, profile, drift, drift_level,
                                    drift_psi, timeline)
     VALUES ($1, $2, $3, '1.0.0', 3, '2025-01-01', '2025-06-30', $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      tenantId,
      customerId,
      fixture.persona,
      JSON.stringify([
        { code: 'high_savings_rate', text: 'Saves 31 % of income (population median 8 %).', weight: 0.6 },
      ]),
      JSON.stringify([
        {
          driver: 'savings',
          score: 0.82,
          confidence: 0.7,
          state: 'measured',
          evidence: ['Moves 30 % of income to savings each month.'],
        },
        { driver: 'status', score: 0, confidence: 0.1, state: 'needs_more_data', evidence: [] },
      ]),
      JSON.stringify({
        currency: 'KES',
        months: 6,
        monthlyIncome: 85000,
        monthlySpend: 61000,
        savingsRate: 0.28,
        incomeRegularity: 0.95,
        topCategories: [{ category: 'groceries', share: 0.4, amount: 24400 }],
      }),
      drift === null ? null : JSON.stringify(drift),
      level,
      level ? psi : null,
      JSON.stringify([
        {
          month: fixture.month ?? '2025-06',
          persona: fixture.persona,
          transactionCount: 3,
          income: 85000,
          spend: 61000,
          categories: { groceries: 0.4 },
        },
      ]),
    ],
  );
  await pool.query(
    'UPDATE customers SET persona = $2, drift_level = $3, drift_psi = $4, analyzed_at = now() WHERE id = $1',
    [customerId, fixture.persona, level, level ? psi : null],
  );
  return id;
}
