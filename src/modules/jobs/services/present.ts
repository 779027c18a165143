import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { JobState } from '../contract.js';

export interface JobRunRow {
  id: string;
  tenant_id: string;
  kind: string;
  title: string;
  state: string;
  progress: number;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const JOB_RUN_COLUMNS =
  'id, tenant_id, kind, title, state, progress, error, created_by, created_at, started_at, finished_at';

export function toJobRunView(row: JobRunRow) {
  return {
    id: toPublicId('job', row.id),
    kind: row.kind,
    title: row.title,
    state: row.state as JobState,
    progress: row.progress,
    error: row.error,
    createdBy: row.created_by ? toPublicId('user', row.created_by) : null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export type JobRunView = ReturnType<typeof toJobRunView>;
