import type { AppServices } from '../../../kernel/context.js';
import { finishJobRun, startJobRun } from '../../jobs/index.js';

export interface AnalysisJob {
  tenantId: string;
  customerId: string;
  jobRunId: string;
  statementId: string | null;
}

/**
 * Runs one queued analysis. Until the analysis engine lands on this branch, the run is recorded
 * and failed with an explicit message rather than left queued forever.
 */
export async function runCustomerAnalysis(services: AppServices, job: AnalysisJob): Promise<void> {
  const run = await startJobRun(services, { id: job.jobRunId, tenantId: job.tenantId });
  await finishJobRun(services, run, { error: 'The analysis engine is not part of this build yet.' });
}
