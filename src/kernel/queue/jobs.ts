import type { z } from 'zod';
import type { AppServices } from '../context.js';

export interface RetryPolicy {
  /** Attempts after the first failure. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Doubles the delay on each retry (with pg-boss's jitter). */
  backoff: boolean;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name: `<module>.<job>`, kebab-case. */
  name: string;
  description: string;
  payload: S;
  retry: RetryPolicy;
  /** A job running longer than this is failed and retried. */
  timeoutSeconds: number;
  /**
   * How many of these jobs each worker process runs at once: up to `workers × batchSize`, fetched
   * up to `batchSize` at a time whenever half a batch of slots is free (runner.ts). Each job holds
   * its own slot (a slow one does not hold the others) and fails alone. Default 1 × 1.
   */
  concurrency?: { workers: number; batchSize: number };
  /** Cron expression (UTC) when the job also runs on a schedule. */
  schedule?: string;
  /** Also queue one run when a worker starts (for scheduled jobs whose first result matters). */
  runOnStart?: boolean;
  handle: (payload: z.infer<S>, services: AppServices) => Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: heterogeneous catalogue of typed jobs
export type AnyJobDefinition = JobDefinition<any>;

const JOB_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  if (!JOB_NAME.test(definition.name))
    throw new Error(`job name "${definition.name}" must be module.job-name`);
  return definition;
}
