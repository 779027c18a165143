import type { TenantTx } from '../../../kernel/db/tenant.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { emitEvent } from '../../webhooks/index.js';
import type { CategorisedTransaction, CategorySource, CustomerAnalysis } from '../analysis/index.js';
import { customerAnalyzedEvent, customerDriftDetectedEvent } from '../events.js';

export interface CustomerHistory {
  customerId: string;
  externalRef: string;
  transactions: CategorisedTransaction[];
}

export interface AnalysisResult {
  customerId: string;
  externalRef: string;
  /** The upload that prompted it; null for a re-run. */
  statementId: string | null;
  analysis: CustomerAnalysis;
}

/**
 * The histories of several customers in one query, in no particular order (the engine needs
 * none). An id of a merged duplicate stands for its survivor; each customer appears once.
 */
export async function loadHistories(
  tx: TenantTx,
  tenantId: string,
  customerIds: readonly string[],
): Promise<CustomerHistory[]> {
  const { rows: owners } = await tx.client.query<{ id: string; external_ref: string }>(
    `WITH RECURSIVE chain(id, merged_into_id, depth) AS (
       SELECT id, merged_into_id, 0 FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT c.id, c.merged_into_id, chain.depth + 1
         FROM customers c JOIN chain ON c.id = chain.merged_into_id
        WHERE c.tenant_id = $1 AND chain.depth < 32
     )
     SELECT DISTINCT c.id, c.external_ref
       FROM chain JOIN customers c ON c.id = chain.id
      WHERE chain.merged_into_id IS NULL`,
    [tenantId, customerIds],
  );
  if (!owners.length) return [];
  const histories = new Map(
    owners.map((owner) => [
      owner.id,
      { customerId: owner.id, externalRef: owner.external_ref, transactions: [] as CategorisedTransaction[] },
    ]),
  );
  // Array rows and float amounts: the cheapest form to read 100,000 rows into.
  const { rows } = await tx.client.query<(string | number | null)[]>({
    text: `SELECT customer_id, booked_on::text, amount::float8, currency, description, counterparty, channel,
                  partner_category, mcc, category, category_confidence, category_source
             FROM transactions WHERE tenant_id = $1 AND customer_id = ANY($2::uuid[])`,
    values: [tenantId, [...histories.keys()]],
    rowMode: 'array',
  });
  for (const row of rows) {
    histories.get(row[0] as string)?.transactions.push({
      bookedOn: row[1] as string,
      amount: row[2] as number,
      currency: row[3] as string,
      description: row[4] as string,
      counterparty: row[5] as string | null,
      channel: row[6] as string | null,
      partnerCategory: row[7] as string | null,
      mcc: row[8] as string | null,
      category: row[9] as string,
      confidence: row[10] as number,
      // Rows stored before the source was kept have none; the engine does not read it.
      source: (row[11] as CategorySource | null) ?? 'rule',
    });
  }
  return [...histories.values()];
}

/**
 * SQL for the month-by-month personas of a timeline (a jsonb array of the engine's months), as
 * customers.persona_months keeps them: `{ "2025-01": "saver", … }`, months without one left out.
 */
export function personaMonthsOf(timeline: string): string {
  return `(SELECT jsonb_object_agg(m->>'month', m->>'persona')
             FROM jsonb_array_elements(${timeline}) m WHERE m->>'persona' IS NOT NULL)`;
}

/**
 * Writes analyses (one INSERT for all) and copies each one's persona, drift, cravings and
 * month-by-month personas onto its customer (one UPDATE for all). With `emitEvents`,
 * `customer.analyzed` for each, and `customer.drift_detected` for each drift alert, addressed to
 * the app that sent the statement.
 */
export async function storeAnalyses(
  tx: TenantTx,
  tenantId: string,
  results: readonly AnalysisResult[],
  options: { emitEvents: boolean },
): Promise<void> {
  if (!results.length) return;
  const records = results.map(({ customerId, statementId, analysis }) => ({
    id: uuidv7(),
    customer_id: customerId,
    statement_id: statementId,
    engine_version: analysis.engineVersion,
    transaction_count: analysis.transactionCount,
    period_start: analysis.periodStart,
    period_end: analysis.periodEnd,
    persona: analysis.persona.key,
    persona_reasons: analysis.persona.reasons,
    cravings: analysis.cravings,
    profile: analysis.profile,
    drift: analysis.drift,
    drift_level: analysis.drift?.level ?? null,
    drift_psi: analysis.drift?.psi ?? null,
    timeline: analysis.timeline,
  }));
  const { rows: stamped } = await tx.client.query<{ analyzed_at: Date }>(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(
         id uuid, customer_id uuid, statement_id uuid, engine_version text, transaction_count int,
         period_start date, period_end date, persona text, persona_reasons jsonb, cravings jsonb, profile jsonb,
         drift jsonb, drift_level text, drift_psi real, timeline jsonb)
     ), inserted AS (
       INSERT INTO customer_analyses (id, tenant_id, customer_id, statement_id, engine_version, transaction_count,
                                      period_start, period_end, persona, persona_reasons, cravings, profile, drift,
                                      drift_level, drift_psi, timeline)
       SELECT id, $1, customer_id, statement_id, engine_version, transaction_count, period_start, period_end, persona,
              persona_reasons, cravings, profile, CASE WHEN drift = 'null'::jsonb THEN NULL ELSE drift END,
              drift_level, drift_psi, timeline
         FROM r
       RETURNING customer_id, created_at
     )
     UPDATE customers c
        SET persona = r.persona, drift_level = r.drift_level, drift_psi = r.drift_psi, cravings = r.cravings,
            persona_months = ${personaMonthsOf('r.timeline')},
            analyzed_at = inserted.created_at, updated_at = now()
       FROM r JOIN inserted ON inserted.customer_id = r.customer_id
      WHERE c.id = r.customer_id AND c.tenant_id = $1
     RETURNING inserted.created_at AS analyzed_at`,
    [tenantId, JSON.stringify(records)],
  );
  if (stamped.length !== results.length) throw new Error('an analysed customer was not updated');
  if (!options.emitEvents) return;
  const apps = await appsOf(tx, tenantId, results);
  for (const [index, result] of results.entries()) {
    await emitAnalysisEvents(
      tx,
      tenantId,
      apps.get(result.statementId ?? '') ?? null,
      records[index]?.id as string,
      result,
    );
  }
}

/** The app of each statement that prompted an analysis: its endpoints get the events. */
async function appsOf(
  tx: TenantTx,
  tenantId: string,
  results: readonly AnalysisResult[],
): Promise<Map<string, string | null>> {
  const statementIds = results.flatMap((result) => (result.statementId ? [result.statementId] : []));
  if (!statementIds.length) return new Map();
  const { rows } = await tx.client.query<{ id: string; app_id: string | null }>(
    'SELECT id, app_id FROM statements WHERE tenant_id = $1 AND id = ANY($2::uuid[])',
    [tenantId, statementIds],
  );
  return new Map(rows.map((row) => [row.id, row.app_id]));
}

async function emitAnalysisEvents(
  tx: TenantTx,
  tenantId: string,
  appId: string | null,
  analysisId: string,
  { customerId, externalRef, analysis }: AnalysisResult,
): Promise<void> {
  const subject = {
    analysisId: toPublicId('analysis', analysisId),
    customerId: toPublicId('customer', customerId),
    externalRef,
  };
  const drift = analysis.drift;
  await emitEvent(tx, {
    tenantId,
    appId,
    type: customerAnalyzedEvent.type,
    data: {
      ...subject,
      engineVersion: analysis.engineVersion,
      transactionCount: analysis.transactionCount,
      persona: analysis.persona.key,
      personaLabel: analysis.persona.label,
      cravings: analysis.cravings
        .map(({ driver, score, confidence, state }) => ({ driver, score, confidence, state }))
        .sort((a, b) => b.score - a.score),
      drift: drift ? { level: drift.level, psi: drift.psi, from: drift.from, to: drift.to } : null,
    },
  });
  if (drift?.level !== 'alert') return;
  await emitEvent(tx, {
    tenantId,
    appId,
    type: customerDriftDetectedEvent.type,
    data: {
      ...subject,
      psi: drift.psi,
      jsDistance: drift.jsDistance,
      from: drift.from,
      to: drift.to,
      shifts: drift.shifts,
    },
  });
}
