import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { createJobRun } from '../../jobs/index.js';
import { ANALYZE_CUSTOMER_KIND, analyzeCustomerJob } from '../jobs/analyze-customer.js';

export interface AnalysisRequest {
  tenantId: string;
  customerId: string;
  /** The upload that prompted it, recorded on the analysis; omitted for a merge or a re-run. */
  statementId?: string | null;
  /** The user who asked: told if it fails. Omitted (an API key, the system): Owners and Admins are. */
  createdBy?: string | null;
  /** The customer's external ref for the run's title, when the caller has it at hand. */
  externalRef?: string;
}

/**
 * Queues an analysis of one customer's whole history, in the caller's transaction: the job run
 * (visible in the live tracker as "queued") and the job exist exactly when the caller's change
 * commits, so a rolled-back ingestion or merge leaves no orphan run behind.
 */
export async function requestAnalysis(
  services: AppServices,
  tx: Tx,
  request: AnalysisRequest,
): Promise<{ jobRunId: string }> {
  const externalRef = request.externalRef ?? (await customerRef(tx, request));
  const run = await createJobRun(tx, {
    tenantId: request.tenantId,
    kind: ANALYZE_CUSTOMER_KIND,
    title: `Customer analysis (${externalRef})`,
    createdBy: request.createdBy ?? null,
  });
  await services.queue.enqueue(tx, analyzeCustomerJob, {
    tenantId: request.tenantId,
    customerId: request.customerId,
    jobRunId: run.id,
    statementId: request.statementId ?? null,
  });
  return { jobRunId: run.id };
}

async function customerRef(tx: Tx, request: AnalysisRequest): Promise<string> {
  const { rows } = await tx.client.query<{ external_ref: string }>(
    'SELECT external_ref FROM customers WHERE id = $1 AND tenant_id = $2',
    [request.customerId, request.tenantId],
  );
  const row = rows[0];
  if (!row) throw new Error(`customer ${request.customerId} not found in tenant ${request.tenantId}`);
  return row.external_ref;
}
