import { stringify } from 'csv-stringify/sync';
import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Download } from '../../../kernel/http/download.js';
import { pdfTableStream } from '../../../kernel/http/pdf-table.js';
import { textStream } from '../../../kernel/http/text-stream.js';
import type { CustomerView } from './get-customer.js';
import { readTransactions } from './list-transactions.js';
import { presentTransaction, type TransactionRecord, type TransactionView } from './present.js';

export type CustomerReportFormat = 'pdf' | 'csv';

/** Transactions per read while streaming: memory stays flat however long the history is. */
const BATCH_SIZE = 1_000;

const CSV_COLUMNS = [
  'id',
  'booked_on',
  'amount',
  'currency',
  'description',
  'counterparty',
  'channel',
  'category',
  'category_confidence',
  'category_source',
  'mcc',
  'partner_transaction_id',
  'statement_id',
] as const;
// RFC 4180 line ends.
const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/**
 * Text the partner sent (a description such as `=HYPERLINK(…)`) is neutralised for spreadsheets.
 * Not csv-stringify's `escape_formulas`: it would also quote our own negative amounts.
 */
const text = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * A customer's report, streamed while its transactions are read in batches (each batch in its own
 * short tenant transaction). The first batch is read before the answer starts, so a failure there
 * is still a proper problem response. CSV: the transactions; PDF: the profile, persona, cravings,
 * drift and the transactions.
 */
export async function exportCustomerReport(
  services: AppServices,
  tenantId: string,
  customer: CustomerView & { uuid: string },
  format: CustomerReportFormat,
  options: { batchSize?: number } = {},
): Promise<Download> {
  const batches = readBatches(services, tenantId, customer.uuid, options.batchSize ?? BATCH_SIZE);
  const first = await batches.next();
  const all = async function* () {
    if (!first.done) yield first.value;
    yield* batches;
  };
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const filename = `customer-${customer.id}-${stamp}.${format}`;
  if (format === 'pdf') return { body: pdfStream(all(), customer), contentType: 'application/pdf', filename };
  return {
    body: textStream(csvChunks(all()), services.log, 'customer report export'),
    contentType: 'text/csv; charset=utf-8',
    filename,
  };
}

async function* readBatches(
  services: AppServices,
  tenantId: string,
  customerId: string,
  batchSize: number,
): AsyncGenerator<TransactionView[]> {
  let after: TransactionRecord | undefined;
  for (;;) {
    const position = after;
    const rows = await withTenant(services.pool, tenantId, (tx) =>
      readTransactions(tx, customerId, {}, { after: position, limit: batchSize }),
    );
    if (rows.length > 0) yield rows.map(presentTransaction);
    after = rows.at(-1);
    if (rows.length < batchSize || !after) return;
  }
}

async function* csvChunks(batches: AsyncIterable<TransactionView[]>): AsyncGenerator<string> {
  yield stringify([CSV_COLUMNS], CSV_OPTIONS);
  for await (const rows of batches) {
    yield stringify(
      rows.map((row) => [
        row.id,
        row.bookedOn,
        row.amount,
        row.currency,
        text(row.description),
        text(row.counterparty),
        text(row.channel),
        row.category,
        row.categoryConfidence.toFixed(2),
        row.categorySource ?? '',
        text(row.mcc),
        text(row.partnerTransactionId),
        row.statementId,
      ]),
      CSV_OPTIONS,
    );
  }
}

const PDF_COLUMNS = [
  { title: 'Booked', width: 60 },
  { title: 'Amount', width: 75 },
  { title: 'Description', width: 200 },
  { title: 'Category', width: 100 },
  { title: 'Conf.', width: 35 },
  { title: 'Channel', width: 50 },
] as const;

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** A portrait A4 report: the profile and the latest analysis, then the transactions batch by batch. */
function pdfStream(batches: AsyncGenerator<TransactionView[]>, customer: CustomerView) {
  return pdfTableStream({
    document: { size: 'A4', margin: 40 },
    columns: PDF_COLUMNS,
    batches,
    preamble: (doc) => {
      profileSection(doc, customer);
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).fillColor('#000').text('Transactions');
      doc.font('Helvetica').fontSize(8);
    },
    cells: (row) => [
      row.bookedOn,
      `${row.amount} ${row.currency}`,
      row.description,
      row.category,
      percent(row.categoryConfidence),
      row.channel ?? '',
    ],
    empty: 'No transactions.',
  });
}

function profileSection(doc: PDFKit.PDFDocument, customer: CustomerView): void {
  const analysis = customer.latestAnalysis;
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(`Customer report — ${customer.displayName ?? customer.externalRef}`);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555')
    .text(
      `${customer.id} · external reference ${customer.externalRef} · generated ${new Date().toISOString()}`,
    )
    .moveDown(0.5);
  doc.fillColor('#000').fontSize(9);
  const facts = [
    `Region: ${customer.region ?? '—'} · Gender: ${customer.gender ?? '—'} · Age band: ${customer.ageBand ?? '—'}`,
    `Transactions: ${customer.transactionCount} (${customer.firstTransactionOn ?? '—'} to ${customer.lastTransactionOn ?? '—'})`,
    `Risk level: ${customer.riskLevel ?? 'not screened'}${customer.archivedAt ? ' · archived' : ''}`,
  ];
  for (const fact of facts) doc.text(fact);
  doc.moveDown(0.5);
  if (!analysis) {
    doc.text('No analysis yet.');
    return;
  }
  doc.font('Helvetica-Bold').fontSize(11).text(`Persona: ${analysis.persona.label}`);
  doc.font('Helvetica').fontSize(9);
  for (const reason of analysis.persona.reasons) doc.text(`• ${reason.text}`);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('Cravings');
  doc.font('Helvetica').fontSize(9);
  for (const craving of analysis.cravings) {
    doc.text(
      craving.state === 'needs_more_data'
        ? `${craving.driver}: needs more data`
        : `${craving.driver}: score ${percent(craving.score)}, confidence ${percent(craving.confidence)}`,
    );
  }
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11).text('Drift');
  doc.font('Helvetica').fontSize(9);
  const drift = analysis.drift;
  doc.text(
    drift
      ? `${drift.level} — PSI ${drift.psi.toFixed(3)}, JS distance ${drift.jsDistance.toFixed(3)} (${drift.from.start}–${drift.from.end} vs ${drift.to.start}–${drift.to.end})`
      : 'Not enough history to compare two periods.',
  );
}
