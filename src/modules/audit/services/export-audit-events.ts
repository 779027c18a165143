import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Download } from '../../../kernel/http/download.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { AuditRow } from './audit-event-view.js';
import { type AuditExportFormat, exportWriter } from './audit-export-format.js';
import type { AuditFilters } from './audit-filters.js';
import { readEventsBefore } from './list-audit-events.js';

/** Rows per read while streaming (tests pass smaller): memory stays flat however many match. */
const BATCH_SIZE = 500;

/**
 * A tenant's filtered events, newest first, as a stream written while batches are read (keyset on
 * `seq`, each batch in its own short transaction as the tenant). The first batch is read before
 * the answer starts, so a failure there is still a proper problem response.
 */
export async function exportAuditEvents(
  services: AppServices,
  tenantId: string,
  filters: AuditFilters,
  format: AuditExportFormat,
  /** `beforeSeq`: only events older than this one (the export's own audit event is not in it). */
  options: { batchSize?: number; beforeSeq?: number } = {},
): Promise<Download> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const read = (beforeSeq: number | undefined) =>
    withTenant(services.pool, tenantId, (tx) =>
      readEventsBefore(tx, tenantId, filters, beforeSeq, batchSize),
    );
  const writer = exportWriter(format);
  const encoder = new TextEncoder();
  let batch: AuditRow[] | undefined = await read(options.beforeSeq);

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(writer.head()));
    },
    async pull(controller) {
      try {
        const rows = batch ?? [];
        const last = rows.at(-1);
        controller.enqueue(encoder.encode(writer.rows(rows)));
        if (rows.length < batchSize || !last) {
          controller.enqueue(encoder.encode(writer.tail()));
          controller.close();
          return;
        }
        batch = await read(last.seq);
      } catch (error) {
        // The status line is gone by now: the client sees a cut-off download, the log says why.
        services.log.error({ err: error, tenantId }, 'audit export failed');
        controller.error(error);
      }
    },
  });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    body,
    contentType: writer.contentType,
    filename: `audit-${toPublicId('tenant', tenantId)}-${stamp}.${format}`,
  };
}
