import type { AppServices } from '../../../kernel/context.js';
import { type TenantTx, withTenant } from '../../../kernel/db/tenant.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { LIVE_EVENT_TYPES } from '../../live/contract.js';
import { publishLive } from '../../live/index.js';
import { notify } from '../../notifications/index.js';
import { JOB_RUN_COLUMNS, type JobRunRow, type JobRunView, toJobRunView } from './present.js';

/** What a handler holds to report on its run. */
export interface JobRunRef {
  id: string;
  tenantId: string;
}

export interface NewJobRun {
  tenantId: string;
  /** `<module>.<job>`, e.g. `logs.export`. */
  kind: string;
  /** What the tenant sees, e.g. "Request log export (CSV)". */
  title: string;
  /** The user who asked for it: told if it fails. Omitted: the tenant's Owners and Admins are. */
  createdBy?: string | null;
}

/**
 * Records a queued run in the caller's transaction (the one that enqueues the job), so the tenant
 * sees it waiting; pass the id in the job's payload and call `startJobRun` with it.
 */
export async function createJobRun(tx: Tx, input: NewJobRun): Promise<JobRunRef> {
  const id = uuidv7();
  await save(tx, input.tenantId, {
    sql: `INSERT INTO job_runs (id, tenant_id, kind, title, state, created_by)
          VALUES ($1, $2, $3, $4, 'queued', $5) RETURNING ${JOB_RUN_COLUMNS}`,
    values: [id, input.tenantId, input.kind, input.title, input.createdBy ?? null],
  });
  return { id, tenantId: input.tenantId };
}

/**
 * Marks a run as running, now: a queued one (`{ id, tenantId }`) or a new one (`NewJobRun`),
 * each in its own short transaction so the tenant sees it at once.
 */
export async function startJobRun(services: AppServices, run: JobRunRef | NewJobRun): Promise<JobRunRef> {
  return withTenant(services.pool, run.tenantId, async (tx) => {
    if ('id' in run) {
      await save(tx, run.tenantId, {
        sql: `UPDATE job_runs SET state = 'running', started_at = coalesce(started_at, now()), error = NULL
               WHERE id = $1 AND tenant_id = $2 RETURNING ${JOB_RUN_COLUMNS}`,
        values: [run.id, run.tenantId],
      });
      return { id: run.id, tenantId: run.tenantId };
    }
    const id = uuidv7();
    await save(tx, run.tenantId, {
      sql: `INSERT INTO job_runs (id, tenant_id, kind, title, state, created_by, started_at)
            VALUES ($1, $2, $3, $4, 'running', $5, now()) RETURNING ${JOB_RUN_COLUMNS}`,
      values: [id, run.tenantId, run.kind, run.title, run.createdBy ?? null],
    });
    return { id, tenantId: run.tenantId };
  });
}

/** Records progress (0–100, clamped) of a running run; the tenant's dashboards see it live. */
export async function reportProgress(services: AppServices, run: JobRunRef, progress: number): Promise<void> {
  const percent = Math.max(0, Math.min(100, Math.round(progress)));
  await withTenant(services.pool, run.tenantId, (tx) =>
    save(tx, run.tenantId, {
      sql: `UPDATE job_runs SET progress = $3
             WHERE id = $1 AND tenant_id = $2 AND state = 'running' AND progress <> $3
         RETURNING ${JOB_RUN_COLUMNS}`,
      values: [run.id, run.tenantId, percent],
    }),
  );
}

/**
 * Ends a run: succeeded (progress 100), or failed with the error's message, in which case the
 * user who started it (else the Owners and Admins) gets a `job_failed` notification — by email
 * too, unless they turned that off.
 */
export async function finishJobRun(
  services: AppServices,
  run: JobRunRef,
  outcome: { error?: unknown } = {},
): Promise<JobRunView | undefined> {
  const failed = outcome.error !== undefined;
  const message = failed ? describeError(outcome.error) : null;
  // A string or a ProblemError is the handler's own account, stored on the run; anything else is a fault.
  if (failed && typeof outcome.error !== 'string' && !(outcome.error instanceof ProblemError)) {
    services.log.warn({ err: outcome.error, jobRunId: run.id }, 'job run failed');
  }
  return withTenant(services.pool, run.tenantId, async (tx) => {
    const view = await save(tx, run.tenantId, {
      sql: `UPDATE job_runs
               SET state = $3, error = $4, finished_at = now(),
                   started_at = coalesce(started_at, now()),
                   progress = CASE WHEN $3 = 'succeeded' THEN 100 ELSE progress END
             WHERE id = $1 AND tenant_id = $2 AND state IN ('queued', 'running')
         RETURNING ${JOB_RUN_COLUMNS}`,
      values: [run.id, run.tenantId, failed ? 'failed' : 'succeeded', message],
    });
    if (view && failed) await notifyFailure(services, tx, view.row);
    return view?.view;
  });
}

/**
 * Runs `work` as a recorded job run: started, its progress reports recorded, and finished as
 * succeeded or failed (the error is rethrown, so the queue's retry policy still applies).
 */
export async function trackJobRun<T>(
  services: AppServices,
  run: JobRunRef | NewJobRun,
  work: (progress: (percent: number) => Promise<void>) => Promise<T>,
): Promise<T> {
  const ref = await startJobRun(services, run);
  try {
    const result = await work((percent) => reportProgress(services, ref, percent));
    await finishJobRun(services, ref);
    return result;
  } catch (error) {
    await finishJobRun(services, ref, { error });
    throw error;
  }
}

async function save(
  tx: Tx,
  tenantId: string,
  statement: { sql: string; values: unknown[] },
): Promise<{ row: JobRunRow; view: JobRunView } | undefined> {
  const { rows } = await tx.client.query<JobRunRow>(statement.sql, statement.values);
  const row = rows[0];
  if (!row) return undefined;
  const view = toJobRunView(row);
  await publishLive(tx, { tenantId, type: LIVE_EVENT_TYPES.jobUpdated, data: view });
  return { row, view };
}

async function notifyFailure(services: AppServices, tx: TenantTx, row: JobRunRow): Promise<void> {
  await notify(services, tx, {
    tenantId: row.tenant_id,
    category: 'job_failed',
    ...(row.created_by ? { userIds: [row.created_by] } : {}),
    title: `${row.title} failed`,
    body: row.error ?? 'The job failed.',
    link: '/jobs',
  });
}

/**
 * What the tenant reads about a failure: a ProblemError's detail or a message the handler chose
 * (a string); anything else may carry internals (SQL, paths), so it stays in the server log.
 */
function describeError(error: unknown): string {
  if (error instanceof ProblemError) return error.detail;
  if (typeof error === 'string' && error) return error.slice(0, 500);
  return 'An internal error stopped the job.';
}
