import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import type { JobState } from '../contract.js';
import { JOB_RUN_COLUMNS, type JobRunRow, toJobRunView } from './present.js';

/** The tenant's job runs, newest first, by keyset pages; optionally of one state. */
export async function listJobRuns(
  tx: TenantTx,
  options: { state?: JobState; cursor?: string; limit: number },
) {
  const before = options.cursor === undefined ? undefined : fromPublicId('job', options.cursor);
  if (options.cursor !== undefined && !before) {
    throw new ProblemError('validation_failed', 'query.cursor: not a cursor this API returned', {
      errors: [{ path: 'query.cursor', message: 'Not a cursor this API returned; start again without one.' }],
    });
  }
  const { rows } = await tx.client.query<JobRunRow>(
    `SELECT ${JOB_RUN_COLUMNS} FROM job_runs
      WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2) AND ($3::text IS NULL OR state = $3)
      ORDER BY id DESC LIMIT $4`,
    [tx.tenantId, before ?? null, options.state ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit).map(toJobRunView);
  return { data: page, nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getJobRun(tx: TenantTx, jobId: string) {
  const id = fromPublicId('job', jobId);
  const { rows } = id
    ? await tx.client.query<JobRunRow>(
        `SELECT ${JOB_RUN_COLUMNS} FROM job_runs WHERE id = $1 AND tenant_id = $2`,
        [id, tx.tenantId],
      )
    : { rows: [] };
  if (!rows[0]) throw new ProblemError('not_found', 'No such job in this tenant.');
  return toJobRunView(rows[0]);
}
