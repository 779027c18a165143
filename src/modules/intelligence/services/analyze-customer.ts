import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { finishJobRun, reportProgress, startJobRun } from '../../jobs/index.js';
import { analyzeCustomer } from '../analysis/index.js';
import { loadHistories, storeAnalyses } from './analysis-store.js';

export interface AnalysisJob {
  tenantId: string;
  customerId: string;
  jobRunId: string;
  statementId: string | null;
}

/**
 * Runs one queued analysis as its job run: loads the customer's whole history in one query, runs
 * the engine, stores the analysis (copied onto the customer) and emits `customer.analyzed` (and
 * `customer.drift_detected` on an alert) in one transaction. A customer merged since the request
 * is analysed as the survivor; one deleted since ends the run as failed, without a retry.
 */
export async function runCustomerAnalysis(services: AppServices, job: AnalysisJob): Promise<void> {
  const run = await startJobRun(services, { id: job.jobRunId, tenantId: job.tenantId });
  try {
    const histories = await withTenant(services.pool, job.tenantId, (tx) =>
      loadHistories(tx, job.tenantId, [job.customerId]),
    );
    const history = histories[0];
    if (!history) {
      await finishJobRun(services, run, { error: 'The customer no longer exists.' });
      return;
    }
    await reportProgress(services, run, 40);
    const analysis = analyzeCustomer(history.transactions);
    await reportProgress(services, run, 80);
    await withTenant(services.pool, job.tenantId, (tx) =>
      storeAnalyses(
        tx,
        job.tenantId,
        [
          {
            customerId: history.customerId,
            externalRef: history.externalRef,
            statementId: job.statementId,
            analysis,
          },
        ],
        { emitEvents: true },
      ),
    );
    await finishJobRun(services, run);
  } catch (error) {
    await finishJobRun(services, run, { error });
    throw error;
  }
}

/** Customers analysed per query in `reanalyzeCustomers`: their histories are loaded together. */
const REANALYZE_BATCH = 100;

/**
 * Analyses many customers of a tenant at once (all its live customers when `customerIds` is
 * omitted), without job runs or events: for the demo world, the benchmark and a re-run after an
 * engine change. Histories are loaded one query per batch of customers, and each batch's
 * analyses are written with one INSERT and one UPDATE.
 */
export async function reanalyzeCustomers(
  services: AppServices,
  tenantId: string,
  customerIds?: readonly string[],
): Promise<{ analyzed: number }> {
  const ids = customerIds ?? (await liveCustomers(services, tenantId));
  let analyzed = 0;
  for (let start = 0; start < ids.length; start += REANALYZE_BATCH) {
    const batch = ids.slice(start, start + REANALYZE_BATCH);
    await withTenant(services.pool, tenantId, async (tx) => {
      const histories = await loadHistories(tx, tenantId, batch);
      const results = histories.map((history) => ({
        customerId: history.customerId,
        externalRef: history.externalRef,
        statementId: null,
        analysis: analyzeCustomer(history.transactions),
      }));
      await storeAnalyses(tx, tenantId, results, { emitEvents: false });
      analyzed += results.length;
    });
  }
  return { analyzed };
}

async function liveCustomers(services: AppServices, tenantId: string): Promise<string[]> {
  return withTenant(services.pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query<{ id: string }>(
      'SELECT id FROM customers WHERE tenant_id = $1 AND merged_into_id IS NULL ORDER BY id',
      [tenantId],
    );
    return rows.map((row) => row.id);
  });
}
