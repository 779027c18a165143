import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerAndViewer, type TenantAccounts } from '../../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { ANALYZE_CUSTOMER_KIND } from '../jobs/analyze-customer.js';
import { requestAnalysis } from './request-analysis.js';

let t: TestApp;
let acme: TenantAccounts;
beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'request-analysis');
});
afterAll(async () => t?.close());

async function newCustomer(externalRef: string): Promise<string> {
  const id = uuidv7();
  await t.services.pool.query('INSERT INTO customers (id, tenant_id, external_ref) VALUES ($1, $2, $3)', [
    id,
    acme.tenantId,
    externalRef,
  ]);
  return id;
}

async function queuedJobs(jobRunId: string) {
  const { rows } = await t.services.pool.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'jobRunId' = $2`,
    [ANALYZE_CUSTOMER_KIND, jobRunId],
  );
  return rows.map((row) => row.data);
}

describe('requestAnalysis', () => {
  it('records a queued job run titled with the external ref and queues the job in the same transaction', async () => {
    const customerId = await newCustomer('ACME-CUST-1');
    const { jobRunId } = await withTenant(t.services.pool, acme.tenantId, (tx) =>
      requestAnalysis(t.services, tx, { tenantId: acme.tenantId, customerId, createdBy: acme.owner.userId }),
    );
    const { rows } = await t.services.pool.query(
      'SELECT kind, title, state, created_by FROM job_runs WHERE id = $1',
      [jobRunId],
    );
    expect(rows).toEqual([
      {
        kind: 'intelligence.analyze-customer',
        title: 'Customer analysis (ACME-CUST-1)',
        state: 'queued',
        created_by: acme.owner.userId,
      },
    ]);
    expect(await queuedJobs(jobRunId)).toEqual([
      { tenantId: acme.tenantId, customerId, jobRunId, statementId: null },
    ]);
  });

  it('leaves neither a run nor a job when the caller’s transaction rolls back', async () => {
    const customerId = await newCustomer('ACME-CUST-2');
    let jobRunId = '';
    await expect(
      withTenant(t.services.pool, acme.tenantId, async (tx) => {
        ({ jobRunId } = await requestAnalysis(t.services, tx, { tenantId: acme.tenantId, customerId }));
        throw new Error('the caller fails after asking');
      }),
    ).rejects.toThrow('the caller fails after asking');
    expect(jobRunId).not.toBe('');
    const { rowCount } = await t.services.pool.query('SELECT 1 FROM job_runs WHERE id = $1', [jobRunId]);
    expect(rowCount).toBe(0);
    expect(await queuedJobs(jobRunId)).toEqual([]);
  });
});
