import { z } from 'zod';
import { defineJob } from '../../../kernel/queue/jobs.js';
import { runCustomerAnalysis } from '../services/analyze-customer.js';

/** The job run kind (jobs module) and the queue name are one and the same. */
export const ANALYZE_CUSTOMER_KIND = 'intelligence.analyze-customer';

/**
 * Runs the analysis engine over one customer's whole history and stores the result (a
 * `customer_analyses` row, copied onto the customer). Queued by `requestAnalysis` in the
 * transaction that changed the history (an upload, a merge); its job run was created there.
 */
export const analyzeCustomerJob = defineJob({
  name: ANALYZE_CUSTOMER_KIND,
  description: 'Analyses one customer: persona, cravings, spending profile and drift over its whole history.',
  payload: z.object({
    tenantId: z.uuid(),
    customerId: z.uuid(),
    jobRunId: z.uuid(),
    statementId: z.uuid().nullable(),
  }),
  // A failed run is retried twice: a deadlock with a concurrent upload of the same customer is the likely cause.
  retry: { limit: 2, delaySeconds: 5, backoff: true },
  // 100,000 transactions load and analyse in a few seconds; the margin covers a busy database.
  timeoutSeconds: 300,
  // The engine is CPU-bound: two at once per worker keeps one long history from holding every slot.
  concurrency: { workers: 2, batchSize: 1 },
  handle: (payload, services) => runCustomerAnalysis(services, payload),
});
