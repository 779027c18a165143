import { stringify } from 'csv-stringify/sync';
import { type AuditRow, toAuditEventView } from './audit-event-view.js';

export type AuditExportFormat = 'csv' | 'json';

/** Writes an export in pieces: the head, each batch of rows as it is read, the tail. */
export interface ExportWriter {
  contentType: string;
  head: () => string;
  rows: (rows: readonly AuditRow[]) => string;
  tail: () => string;
}

const CSV_COLUMNS = [
  'id',
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_label',
  'action',
  'target_type',
  'target_id',
  'target_label',
  'ip',
  'user_agent',
  'request_id',
  'before',
  'after',
  'metadata',
  'prev_hash',
  'hash',
] as const;

// RFC 4180 line ends; cells starting with = + - @ are prefixed with ' so a spreadsheet opening
// the export never runs a formula an actor smuggled into a label.
const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;

export function exportWriter(format: AuditExportFormat): ExportWriter {
  return format === 'csv' ? csvWriter() : jsonWriter();
}

function csvWriter(): ExportWriter {
  return {
    contentType: 'text/csv; charset=utf-8',
    head: () => stringify([CSV_COLUMNS], CSV_OPTIONS),
    rows: (rows) => (rows.length ? stringify(rows.map(csvRecord), CSV_OPTIONS) : ''),
    tail: () => '',
  };
}

function csvRecord(row: AuditRow): (string | number)[] {
  const event = toAuditEventView(row);
  const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));
  return [
    event.id,
    event.seq,
    event.occurredAt,
    event.actor.type,
    event.actor.id ?? '',
    event.actor.label,
    event.action,
    event.target.type,
    event.target.id ?? '',
    event.target.label ?? '',
    event.ip ?? '',
    event.userAgent ?? '',
    event.requestId ?? '',
    json(event.before),
    json(event.after),
    json(event.metadata),
    event.prevHash,
    event.hash,
  ];
}

/** A JSON array of events in the API's shape, one event per line. */
function jsonWriter(): ExportWriter {
  let written = 0;
  return {
    contentType: 'application/json; charset=utf-8',
    head: () => '[',
    rows: (rows) =>
      rows.map((row) => `${written++ === 0 ? '' : ','}\n${JSON.stringify(toAuditEventView(row))}`).join(''),
    tail: () => (written ? '\n]\n' : ']\n'),
  };
}
