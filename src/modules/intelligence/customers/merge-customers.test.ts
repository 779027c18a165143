import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { ANALYZE_CUSTOMER_KIND } from '../jobs/analyze-customer.js';
import { insertAnalysis, insertCustomer, insertStatement } from './customers-test-support.js';

let t: TestApp;
let bank: TenantAccounts;
let survivor: string;
let duplicateA: string;
let duplicateB: string;
const pub = (id: string) => toPublicId('customer', id);

beforeAll(async () => {
  t = await createTestApp();
  bank = await ownerAndViewer(t, 'merge');
  const pool = t.services.pool;
  survivor = await insertCustomer(pool, bank.tenantId, { externalRef: 'CUS-1', displayName: 'Amina' });
  duplicateA = await insertCustomer(pool, bank.tenantId, {
    externalRef: 'cus-1 ',
    displayName: 'Amina (old app)',
  });
  duplicateB = await insertCustomer(pool, bank.tenantId, { externalRef: 'CUS-1-B' });
  await insertStatement(pool, bank.tenantId, survivor, [
    { bookedOn: '2025-03-01', amount: '-100.00', description: 'SHARED WITH A', dedupeKey: 'p:shared-1' },
    { bookedOn: '2025-03-02', amount: '-200.00', description: 'SURVIVOR ONLY' },
  ]);
  await insertStatement(pool, bank.tenantId, duplicateA, [
    { bookedOn: '2025-03-01', amount: '-100.00', description: 'SHARED WITH A', dedupeKey: 'p:shared-1' },
    { bookedOn: '2025-02-10', amount: '-50.00', description: 'A AND B', dedupeKey: 'p:shared-ab' },
    { bookedOn: '2025-04-15', amount: '-75.00', description: 'A ONLY' },
  ]);
  await insertStatement(pool, bank.tenantId, duplicateB, [
    { bookedOn: '2025-02-10', amount: '-50.00', description: 'A AND B', dedupeKey: 'p:shared-ab' },
    { bookedOn: '2025-01-05', amount: '-25.00', description: 'B ONLY' },
  ]);
  await insertAnalysis(pool, bank.tenantId, duplicateA, { persona: 'salaried_saver' });
});
afterAll(async () => t?.close());

/** Analysis jobs queued for a customer, with the state of their job runs. */
async function queuedAnalyses(customerId: string) {
  const { rows } = await t.services.pool.query<{ state: string; created_by: string | null }>(
    `SELECT r.state, r.created_by FROM pgboss.job j JOIN job_runs r ON r.id = (j.data->>'jobRunId')::uuid
      WHERE j.name = $1 AND j.data->>'customerId' = $2`,
    [ANALYZE_CUSTOMER_KIND, customerId],
  );
  return rows;
}

async function transactionsOf(customerId: string) {
  const { rows } = await t.services.pool.query<{ description: string; dedupe_key: string }>(
    'SELECT description, dedupe_key FROM transactions WHERE customer_id = $1 ORDER BY booked_on',
    [customerId],
  );
  return rows.map((row) => row.description);
}

describe('POST /partner/customers/{customerId}/merge', () => {
  it('refuses to merge a customer into itself, or one that does not exist', async () => {
    const self = await send<Problem>(
      t,
      'POST',
      `/partner/customers/${pub(survivor)}/merge`,
      { duplicateIds: [pub(survivor)] },
      bank.owner,
    );
    expect(self.status).toBe(400);
    expect(self.body.errors?.map((error) => error.path)).toEqual(['body.duplicateIds']);
    const missing = await send<Problem>(
      t,
      'POST',
      `/partner/customers/${pub(survivor)}/merge`,
      { duplicateIds: [pub(duplicateA), 'cus_01jf8zb9c3d4e5f6g7h8j9k0m2'] },
      bank.owner,
    );
    expect(missing.status).toBe(404);
    // The refused merge moved nothing and asked for nothing.
    expect(await transactionsOf(duplicateA)).toHaveLength(3);
    expect(await queuedAnalyses(survivor)).toEqual([]);
  });

  it('keeps every transaction exactly once, moves statements, keeps the duplicates’ history, and audits', async () => {
    const { status, body } = await send<{
      customer: { transactionCount: number; lastTransactionOn: string; mergedFrom: { id: string }[] };
      transactionsMoved: number;
      transactionsAlreadyHeld: number;
      statementsMoved: number;
    }>(
      t,
      'POST',
      `/partner/customers/${pub(survivor)}/merge`,
      { duplicateIds: [pub(duplicateA), pub(duplicateB)] },
      bank.owner,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ transactionsMoved: 3, transactionsAlreadyHeld: 2, statementsMoved: 2 });
    expect((await transactionsOf(survivor)).sort()).toEqual(
      ['A AND B', 'A ONLY', 'B ONLY', 'SHARED WITH A', 'SURVIVOR ONLY'].sort(),
    );
    expect(await transactionsOf(duplicateA)).toEqual([]);
    expect(body.customer).toMatchObject({ transactionCount: 5, lastTransactionOn: '2025-04-15' });
    expect(body.customer.mergedFrom.map((entry) => entry.id).sort()).toEqual(
      [pub(duplicateA), pub(duplicateB)].sort(),
    );
    // The survivor is re-analysed over its new history; the merger hears if that fails.
    expect(await queuedAnalyses(survivor)).toEqual([{ state: 'queued', created_by: bank.owner.userId }]);
    const { rows: statements } = await t.services.pool.query(
      'SELECT count(*)::int AS count FROM statements WHERE customer_id = $1',
      [survivor],
    );
    expect(statements[0]?.count).toBe(3);

    // The duplicate is hidden from the list but stays readable, with its analyses.
    const listed = await send<{ data: { id: string }[] }>(
      t,
      'GET',
      '/partner/customers',
      undefined,
      bank.owner,
    );
    expect(listed.body.data.map((row) => row.id)).toEqual([pub(survivor)]);
    const duplicate = await send<{ mergedIntoId: string; transactionCount: number }>(
      t,
      'GET',
      `/partner/customers/${pub(duplicateA)}`,
      undefined,
      bank.owner,
    );
    expect(duplicate.body).toMatchObject({ mergedIntoId: pub(survivor), transactionCount: 0 });
    const analyses = await send<{ data: unknown[] }>(
      t,
      'GET',
      `/partner/customers/${pub(duplicateA)}/analyses`,
      undefined,
      bank.owner,
    );
    expect(analyses.body.data).toHaveLength(1);

    const [audit] = await auditEvents(t, bank.tenantId, 'customer.merged');
    expect(audit).toMatchObject({
      target_id: pub(survivor),
      metadata: {
        duplicates: [
          { id: pub(duplicateA), externalRef: 'cus-1 ' },
          { id: pub(duplicateB), externalRef: 'CUS-1-B' },
        ],
        transactionsMoved: 3,
        transactionsAlreadyHeld: 2,
      },
    });
  });

  it('refuses to merge a duplicate twice or to change a merged duplicate', async () => {
    const again = await send<Problem>(
      t,
      'POST',
      `/partner/customers/${pub(survivor)}/merge`,
      { duplicateIds: [pub(duplicateA)] },
      bank.owner,
    );
    expect(again.status).toBe(409);
    const patch = await send<Problem>(
      t,
      'PATCH',
      `/partner/customers/${pub(duplicateB)}`,
      { displayName: 'x' },
      bank.owner,
    );
    expect(patch.status).toBe(409);
    const archive = await send<Problem>(
      t,
      'POST',
      `/partner/customers/${pub(duplicateB)}/archive`,
      undefined,
      bank.owner,
    );
    expect(archive.status).toBe(409);
  });
});
