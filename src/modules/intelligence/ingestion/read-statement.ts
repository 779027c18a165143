import type { FieldError } from '../../../kernel/http/problem.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { CsvStatementReader } from './csv-statement-reader.js';
import { JsonStatementReader, MalformedJson } from './json-statement-reader.js';
import { MAX_TRANSACTIONS } from './row-rules.js';
import { type StatementCustomer, StatementCustomerSchema } from './statement-schemas.js';
import { type ValidRow, validateRow } from './validate-row.js';

/** Bad rows listed in a 400; the detail says how many more there were. */
export const LISTED_ROW_ERRORS = 100;

export interface ParsedStatement {
  format: 'json' | 'csv';
  customer: StatementCustomer;
  rows: ValidRow[];
}

/** The body's bytes as they arrive (a request stream), or already in hand. */
export type StatementBody = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** The CSV upload's customer, from the query string (`customerRef`, `birthYear`, `gender`, `region`). */
export interface CsvCustomerQuery {
  customerRef?: string | undefined;
  birthYear?: string | undefined;
  gender?: string | undefined;
  region?: string | undefined;
}

/**
 * Reads and validates a statement as its body streams in: rows are checked one by one as they
 * arrive, every bad row is noted (with its CSV line or JSON index), and reading stops at once past
 * 50,000 rows. Throws a 400 listing the bad rows (none is stored), a 413 past the row limit, a
 * 415 for another content type.
 */
export async function readStatement(
  body: StatementBody,
  contentType: string | undefined,
  query: CsvCustomerQuery,
): Promise<ParsedStatement> {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence === 'application/json') return readJson(body);
  if (essence === 'text/csv') return readCsv(body, query);
  throw new ProblemError(
    'unsupported_media_type',
    `Content-Type "${contentType ?? '(none)'}" is not accepted here; send application/json or text/csv.`,
  );
}

/** Collects each row's verdict: the valid rows, and the bad ones for the 400. */
class RowCollector {
  readonly rows: ValidRow[] = [];
  /** The first bad rows, with their line or index to list them in order. */
  private readonly errors: (FieldError & { at: number })[] = [];
  bad = 0;
  private seen = 0;

  add(input: unknown, at: number, where: (field: string) => string): void {
    this.count();
    const verdict = validateRow(input);
    if (verdict.ok) {
      this.rows.push(verdict.row);
      return;
    }
    this.badRow(at, where(verdict.field), verdict.message);
  }

  /** A CSV record the parser could not read (wrong column count, broken quoting). */
  unreadable(line: number, message: string): void {
    this.count();
    this.badRow(line, `line.${line}`, message);
  }

  private count(): void {
    this.seen++;
    if (this.seen > MAX_TRANSACTIONS) {
      throw new ProblemError(
        'payload_too_large',
        `A statement carries at most ${MAX_TRANSACTIONS.toLocaleString('en')} transactions; split this one into several requests.`,
        { reason: 'too_many_transactions' },
      );
    }
  }

  /** Notes a bad row; listed by position (line or index) in the 400. */
  private badRow(at: number, path: string, message: string): void {
    this.bad++;
    if (this.errors.length < LISTED_ROW_ERRORS) this.errors.push({ at, path, message });
  }

  /** Refuses the whole statement when any row (or the customer) is wrong. */
  finish(customerErrors: FieldError[]): void {
    if (!this.bad && !customerErrors.length) {
      if (!this.rows.length) {
        throw new ProblemError('validation_failed', 'The statement has no transactions.', {
          errors: [{ path: 'body.transactions', message: 'At least one transaction.' }],
        });
      }
      return;
    }
    const more = this.bad - this.errors.length;
    const rows = this.bad
      ? `${this.bad} of ${this.seen} rows are not valid${more > 0 ? ` (the first ${this.errors.length} are listed, ${more} more are not)` : ''}`
      : '';
    const customer = customerErrors.length ? 'the customer is not valid' : '';
    throw new ProblemError(
      'validation_failed',
      `Nothing was stored: ${[customer, rows].filter(Boolean).join('; ')}.`,
      {
        reason: 'invalid_rows',
        errors: [
          ...customerErrors,
          ...this.errors.sort((a, b) => a.at - b.at).map(({ path, message }) => ({ path, message })),
        ],
      },
    );
  }
}

async function readJson(body: StatementBody): Promise<ParsedStatement> {
  const collector = new RowCollector();
  const reader = new JsonStatementReader((value, index) =>
    collector.add(value, index, (field) => `body.transactions.${index}${field ? `.${field}` : ''}`),
  );
  try {
    for await (const chunk of body) reader.write(chunk);
    reader.end();
  } catch (error) {
    if (error instanceof MalformedJson) throw new ProblemError('malformed_json', error.message);
    throw error;
  }
  const parsed = StatementCustomerSchema.safeParse(reader.members.get('customer'));
  const customerErrors = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: ['body', 'customer', ...issue.path.map(String)].join('.'),
        message: issue.message,
      }));
  collector.finish(customerErrors);
  return { format: 'json', customer: parsed.data as StatementCustomer, rows: collector.rows };
}

/** CSV header names, matched without case, `_`, `-` or spaces (`transaction_id` is `transactionId`). */
const CSV_COLUMNS = new Map(
  [
    'date',
    'amount',
    'currency',
    'description',
    'counterparty',
    'channel',
    'category',
    'mcc',
    'transactionId',
  ].map((name) => [normaliseHeader(name), name]),
);
const REQUIRED_COLUMNS = ['date', 'amount', 'currency', 'description'];

/** The column of each header cell (null for none), noting unknown and missing columns. */
function headerColumns(header: string[], errors: FieldError[]): (string | null)[] {
  const names = header.map((name) => {
    const column = CSV_COLUMNS.get(normaliseHeader(name));
    if (!column) errors.push({ path: 'line.1', message: `Unknown column "${name}".` });
    return column ?? null;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!names.includes(required)) errors.push({ path: 'line.1', message: `Missing column "${required}".` });
  }
  return names;
}

function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

async function readCsv(body: StatementBody, query: CsvCustomerQuery): Promise<ParsedStatement> {
  // The customer is in the query string: checked before a single row is read.
  const customer = csvCustomer(query);
  const collector = new RowCollector();
  const headerErrors: FieldError[] = [];
  let columns: (string | null)[] | undefined;
  const reader = new CsvStatementReader(
    (cells, line) => {
      if (!columns) {
        columns = headerColumns(cells, headerErrors);
        return;
      }
      if (headerErrors.length) return;
      const record: Record<string, string> = {};
      for (let index = 0; index < columns.length; index++) {
        const name = columns[index];
        if (name) record[name] = cells[index] as string;
      }
      collector.add(record, line, (field) => `line.${line}${field ? `.${field}` : ''}`);
    },
    (line, message) => {
      if (columns) return collector.unreadable(line, message);
      // An unreadable header: nothing after it can be matched to columns.
      columns = [];
      headerErrors.push({ path: `line.${line}`, message });
    },
  );
  for await (const chunk of body) reader.write(chunk);
  reader.end();
  if (headerErrors.length) {
    throw new ProblemError('validation_failed', 'Nothing was stored: the CSV header is not valid.', {
      reason: 'invalid_header',
      errors: headerErrors,
    });
  }
  collector.finish([]);
  return { format: 'csv', customer, rows: collector.rows };
}

function csvCustomer(query: CsvCustomerQuery): StatementCustomer {
  const parsed = StatementCustomerSchema.safeParse({
    externalRef: query.customerRef,
    birthYear: query.birthYear || undefined,
    gender: query.gender,
    region: query.region,
  });
  if (parsed.success) return parsed.data;
  throw new ProblemError('validation_failed', 'Nothing was stored: the customer is not valid.', {
    errors: parsed.error.issues.map((issue) => ({
      path: `query.${issue.path[0] === 'externalRef' ? 'customerRef' : String(issue.path[0])}`,
      message: issue.message,
    })),
  });
}
