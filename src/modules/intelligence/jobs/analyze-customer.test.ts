import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { generateCustomers, type SyntheticCustomer } from '../demo/synthetic-statements.js';
import type { StatementView } from '../ingestion/statement-schemas.js';
import {
  postStatement,
  type StatementTenant,
  statementTenant,
} from '../ingestion/statements-test-support.js';
import { reanalyzeCustomers } from '../services/analyze-customer.js';
import { ANALYZE_CUSTOMER_KIND, analyzeCustomerJob } from './analyze-customer.js';

let t: TestApp;
let bank: StatementTenant;
let customers: SyntheticCustomer[];
beforeAll(async () => {
  t = await createTestApp();
  bank = await statementTenant(t, 'analysis-bank');
  // The first customer shifts from groceries to betting in the last complete month: a drift alert.
  customers = generateCustomers({ seed: 7, customers: 3, months: 6, endDate: '2025-06-30', shifters: 1 });
});
afterAll(async () => t?.close());

function statementOf(customer: SyntheticCustomer): string {
  return JSON.stringify({
    customer: { externalRef: customer.externalRef, birthYear: customer.birthYear, region: customer.region },
    transactions: customer.transactions.map((tx) => ({
      date: tx.bookedOn,
      amount: tx.amount.toFixed(2),
      currency: tx.currency,
      description: tx.description,
      counterparty: tx.counterparty,
      channel: tx.channel,
      category: tx.partnerCategory,
      mcc: tx.mcc,
      transactionId: tx.partnerTransactionId,
    })),
  });
}

/** Sends a customer's statement and runs the analysis job it queued, as a worker would. */
async function sendAndAnalyse(customer: SyntheticCustomer): Promise<StatementView> {
  const answer = await postStatement<StatementView>(t, statementOf(customer), { secret: bank.secret });
  expect(answer.status).toBe(202);
  const jobRunId = fromPublicId('job', answer.body.jobRunId as string);
  const { rows } = await t.services.pool.query<{ data: unknown }>(
    `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'jobRunId' = $2`,
    [ANALYZE_CUSTOMER_KIND, jobRunId],
  );
  expect(rows).toHaveLength(1);
  await analyzeCustomerJob.handle(analyzeCustomerJob.payload.parse(rows[0]?.data), t.services);
  return answer.body;
}

async function eventsOf(customerPublicId: string) {
  const { rows } = await t.services.pool.query<{
    type: string;
    app_id: string | null;
    payload: Record<string, unknown>;
  }>(
    `SELECT type, app_id, payload FROM events WHERE tenant_id = $1 AND payload->>'customerId' = $2 ORDER BY id`,
    [bank.tenantId, customerPublicId],
  );
  return rows;
}

describe('the intelligence.analyze-customer job', () => {
  it('stores the analysis, copies it onto the customer, finishes its run and emits the events', async () => {
    const shifter = customers[0] as SyntheticCustomer;
    const statement = await sendAndAnalyse(shifter);
    const customerId = fromPublicId('customer', statement.customer.id) as string;

    const run = await t.services.pool.query('SELECT state, progress, error FROM job_runs WHERE id = $1', [
      fromPublicId('job', statement.jobRunId as string),
    ]);
    expect(run.rows).toEqual([{ state: 'succeeded', progress: 100, error: null }]);

    const analyses = await t.services.pool.query(
      `SELECT statement_id, transaction_count, persona, drift_level FROM customer_analyses WHERE customer_id = $1`,
      [customerId],
    );
    expect(analyses.rows).toEqual([
      {
        statement_id: fromPublicId('statement', statement.id),
        transaction_count: shifter.transactions.length,
        persona: expect.any(String),
        drift_level: 'alert',
      },
    ]);
    const customer = await t.services.pool.query(
      'SELECT persona, drift_level, analyzed_at IS NOT NULL AS analyzed, jsonb_array_length(cravings) AS drivers FROM customers WHERE id = $1',
      [customerId],
    );
    expect(customer.rows).toEqual([
      { persona: analyses.rows[0]?.persona, drift_level: 'alert', analyzed: true, drivers: 6 },
    ]);
    // The month-by-month personas the dashboard's timeline counts: the analysis's own, copied.
    const months = await t.services.pool.query<{
      copied: Record<string, string>;
      timeline: { month: string; persona: string | null }[];
    }>(
      `SELECT c.persona_months AS copied, a.timeline
         FROM customers c JOIN customer_analyses a ON a.customer_id = c.id WHERE c.id = $1`,
      [customerId],
    );
    const { copied, timeline } = months.rows[0] ?? { copied: {}, timeline: [] };
    const expected = Object.fromEntries(timeline.flatMap((m) => (m.persona ? [[m.month, m.persona]] : [])));
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(copied).toEqual(expected);

    const events = await eventsOf(statement.customer.id);
    expect(events.map((event) => event.type)).toEqual([
      'statement.received',
      'customer.analyzed',
      'customer.drift_detected',
    ]);
    const appId = fromPublicId('app', bank.appId);
    expect(events.every((event) => event.app_id === appId)).toBe(true);
    expect(events[1]?.payload).toMatchObject({
      customerId: statement.customer.id,
      externalRef: shifter.externalRef,
      transactionCount: shifter.transactions.length,
      drift: { level: 'alert' },
    });
    expect(events[2]?.payload).toMatchObject({ psi: expect.any(Number), shifts: expect.any(Array) });
    expect(Number(events[2]?.payload.psi)).toBeGreaterThan(0.25);
  });

  it('emits no drift event for a customer without a drift alert', async () => {
    const steady = customers[1] as SyntheticCustomer;
    const statement = await sendAndAnalyse(steady);
    const types = (await eventsOf(statement.customer.id)).map((event) => event.type);
    expect(types).toContain('customer.analyzed');
    expect(types).not.toContain('customer.drift_detected');
  });

  it('ends the run as failed, without retrying, when the customer was deleted since', async () => {
    const statement = await postStatement<StatementView>(t, statementOf(customers[2] as SyntheticCustomer), {
      secret: bank.secret,
    });
    const customerId = fromPublicId('customer', statement.body.customer.id) as string;
    const jobRunId = fromPublicId('job', statement.body.jobRunId as string) as string;
    await t.services.pool.query('DELETE FROM customers WHERE id = $1', [customerId]);
    await analyzeCustomerJob.handle(
      { tenantId: bank.tenantId, customerId, jobRunId, statementId: null },
      t.services,
    );
    const run = await t.services.pool.query('SELECT state, error FROM job_runs WHERE id = $1', [jobRunId]);
    expect(run.rows).toEqual([{ state: 'failed', error: 'The customer no longer exists.' }]);
  });
});

describe('reanalyzeCustomers', () => {
  it('analyses every live customer of the tenant in batches, without job runs or events', async () => {
    const before = await t.services.pool.query<{ analyses: number; events: number; runs: number }>(
      `SELECT (SELECT count(*)::int FROM customer_analyses WHERE tenant_id = $1) AS analyses,
              (SELECT count(*)::int FROM events WHERE tenant_id = $1) AS events,
              (SELECT count(*)::int FROM job_runs WHERE tenant_id = $1) AS runs`,
      [bank.tenantId],
    );
    const live = await t.services.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND merged_into_id IS NULL',
      [bank.tenantId],
    );
    const result = await reanalyzeCustomers(t.services, bank.tenantId);
    expect(result.analyzed).toBe(live.rows[0]?.n);
    const after = await t.services.pool.query(
      `SELECT (SELECT count(*)::int FROM customer_analyses WHERE tenant_id = $1) AS analyses,
              (SELECT count(*)::int FROM events WHERE tenant_id = $1) AS events,
              (SELECT count(*)::int FROM job_runs WHERE tenant_id = $1) AS runs`,
      [bank.tenantId],
    );
    expect(after.rows[0]).toEqual({
      analyses: (before.rows[0]?.analyses ?? 0) + result.analyzed,
      events: before.rows[0]?.events,
      runs: before.rows[0]?.runs,
    });
  });
});
