import { stringify } from 'csv-stringify/sync';
import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Download } from '../../../kernel/http/download.js';
import { pdfTableStream } from '../../../kernel/http/pdf-table.js';
import { textStream } from '../../../kernel/http/text-stream.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { type RequestLogRow, readLogsBefore, toRequestLogView } from './list-logs.js';
import type { LogFilters } from './log-filters.js';

export type LogExportFormat = 'csv' | 'json' | 'pdf';

/** Rows per read while streaming (tests pass smaller): memory stays flat however many match. */
const BATCH_SIZE = 1_000;

const CSV_COLUMNS = [
  'id',
  'created_at',
  'request_id',
  'surface',
  'method',
  'path',
  'route',
  'status',
  'latency_ms',
  'ip',
  'user_agent',
  'app_id',
  'key_id',
  'user_id',
] as const;
// RFC 4180 line ends; formula-looking cells are neutralised for spreadsheets.
const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

/**
 * The tenant's filtered requests, newest first, as a stream produced while batches are read
 * (keyset paging, each batch in its own short transaction as the tenant). The first batch is read
 * before the answer starts, so a failure there is still a proper problem response.
 */
export async function exportRequestLogs(
  services: AppServices,
  tenant: { id: string; name: string },
  filters: LogFilters,
  format: LogExportFormat,
  options: { batchSize?: number; onBatch?: (oldest: Date) => Promise<void> } = {},
): Promise<Download> {
  const batches = readBatches(services, tenant.id, filters, options.batchSize ?? BATCH_SIZE, options.onBatch);
  const first = await batches.next();
  const rows = async function* () {
    if (!first.done) yield first.value;
    yield* batches;
  };
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const filename = `request-logs-${toPublicId('tenant', tenant.id)}-${stamp}.${format}`;
  if (format === 'pdf')
    return { body: pdfStream(rows(), tenant.name, filters), contentType: 'application/pdf', filename };
  const text = format === 'csv' ? csvChunks(rows()) : jsonChunks(rows());
  return {
    body: textStream(text, services.log, 'request log export'),
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    filename,
  };
}

async function* readBatches(
  services: AppServices,
  tenantId: string,
  filters: LogFilters,
  batchSize: number,
  onBatch?: (oldest: Date) => Promise<void>,
): AsyncGenerator<RequestLogRow[]> {
  let before: { createdAt: string; id: string } | undefined;
  for (;;) {
    const position = before;
    const rows = await withTenant(services.pool, tenantId, (tx) =>
      readLogsBefore(tx, tenantId, filters, position, batchSize),
    );
    const last = rows.at(-1);
    if (last && onBatch) await onBatch(last.created_at);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize || !last) return;
    before = { createdAt: last.position, id: last.id };
  }
}

async function* csvChunks(batches: AsyncIterable<RequestLogRow[]>): AsyncGenerator<string> {
  yield stringify([CSV_COLUMNS], CSV_OPTIONS);
  for await (const rows of batches) {
    yield stringify(
      rows.map((row) => {
        const view = toRequestLogView(row);
        return [
          view.id,
          view.createdAt,
          view.requestId,
          view.surface,
          view.method,
          view.path,
          view.route,
          view.status,
          view.latencyMs,
          view.ip,
          view.userAgent,
          view.appId,
          view.keyId,
          view.userId,
        ];
      }),
      CSV_OPTIONS,
    );
  }
}

async function* jsonChunks(batches: AsyncIterable<RequestLogRow[]>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const rows of batches) {
    const text = rows.map((row) => JSON.stringify(toRequestLogView(row))).join(',\n');
    yield first ? `\n${text}` : `,\n${text}`;
    first = false;
  }
  yield '\n]\n';
}

const PDF_COLUMNS = [
  { title: 'Time (UTC)', width: 120 },
  { title: 'Method', width: 45 },
  { title: 'Path', width: 280 },
  { title: 'Status', width: 40 },
  { title: 'Latency', width: 50 },
  { title: 'IP', width: 90 },
  { title: 'Key', width: 150 },
] as const;

/** A landscape table of the rows, drawn batch by batch while the reader pulls the bytes. */
function pdfStream(batches: AsyncGenerator<RequestLogRow[]>, tenantName: string, filters: LogFilters) {
  return pdfTableStream({
    document: { size: 'A4', layout: 'landscape', margin: 36 },
    columns: PDF_COLUMNS,
    batches,
    preamble: (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text(`${tenantName} — API request log`);
      doc.font('Helvetica').fontSize(8).fillColor('#555').text(describeFilters(filters)).moveDown(0.5);
    },
    cells: (row) => {
      const view = toRequestLogView(row);
      return [
        view.createdAt.replace('T', ' ').replace('Z', ''),
        view.method,
        view.path,
        String(view.status),
        `${view.latencyMs} ms`,
        view.ip ?? '',
        view.keyId ?? (view.userId ? 'dashboard' : ''),
      ];
    },
  });
}

function describeFilters(filters: LogFilters): string {
  const parts = [
    filters.q ? `search "${filters.q}"` : '',
    filters.statusClasses?.length ? `status ${filters.statusClasses.map((c) => `${c}xx`).join(', ')}` : '',
    filters.method ? `method ${filters.method}` : '',
    filters.route ? `route ${filters.route}` : '',
    filters.from ? `from ${filters.from.toISOString()}` : '',
    filters.to ? `to ${filters.to.toISOString()}` : '',
  ].filter(Boolean);
  return `Exported ${new Date().toISOString()}${parts.length ? ` · ${parts.join(' · ')}` : ''}. Newest first.`;
}
