import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Download } from '../../../kernel/http/download.js';
import { finishJobRun, reportProgress, startJobRun } from '../../jobs/index.js';
import type { LogFilters } from './log-filters.js';

/** Progress is recorded in steps of at least this many percent (each step is a short write). */
const PROGRESS_STEP = 5;

/**
 * Runs a request-log export as a job run the tenant can watch: running while the file streams,
 * with progress estimated from how far back in time the rows have reached (rows come newest
 * first), succeeded when the last byte is read, failed if the export breaks or the download is
 * cancelled (the requester is then notified).
 */
export async function trackExport(
  services: AppServices,
  who: { tenantId: string; userId: string | null; format: string },
  filters: LogFilters,
  run: (onBatch: (oldest: Date) => Promise<void>) => Promise<Download>,
): Promise<Download> {
  const to = (filters.to ?? new Date()).getTime();
  const from = (filters.from ?? (await oldestLog(services, who.tenantId)) ?? new Date(to)).getTime();
  const ref = await startJobRun(services, {
    tenantId: who.tenantId,
    kind: 'logs.export',
    title: `Request log export (${who.format.toUpperCase()})`,
    createdBy: who.userId,
  });
  let reported = 0;
  const onBatch = async (oldest: Date) => {
    const percent = to > from ? Math.min(99, ((to - oldest.getTime()) / (to - from)) * 100) : 0;
    if (percent < reported + PROGRESS_STEP) return;
    reported = percent;
    await reportProgress(services, ref, percent);
  };
  let file: Download;
  try {
    file = await run(onBatch);
  } catch (error) {
    await finishJobRun(services, ref, { error });
    throw error;
  }
  const finish = (error?: unknown) =>
    finishJobRun(services, ref, error === undefined ? {} : { error }).catch((failure) =>
      services.log.warn({ err: failure }, 'export job run not recorded'),
    );
  return { ...file, body: watchStream(file.body, finish) };
}

async function oldestLog(services: AppServices, tenantId: string): Promise<Date | undefined> {
  return withTenant(services.pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query<{ created_at: Date }>(
      'SELECT created_at FROM request_logs WHERE tenant_id = $1 ORDER BY created_at LIMIT 1',
      [tenantId],
    );
    return rows[0]?.created_at;
  });
}

/** Passes the stream through and tells how it ended: read to the end, broken, or cancelled. */
function watchStream(
  body: ReadableStream<Uint8Array>,
  finish: (error?: unknown) => Promise<unknown>,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          controller.close();
          await finish();
        } else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
        await finish(error);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason).catch(() => undefined);
      await finish('The download was cancelled before it finished.');
    },
  });
}
