// The rules a statement's rows and customer follow, shared by the documented schemas
// (statement-schemas.ts) and the per-row validator (validate-row.ts).

/** Rows one request may carry; a longer history is sent in several statements. */
export const MAX_TRANSACTIONS = 50_000;

/**
 * The route's own body limit: 50,000 rows of about 250 bytes of JSON is ~12 MB; this leaves room
 * for long descriptions. The kernel's default (`ATRIUM_BODY_LIMIT_BYTES`) stays small for every
 * other operation.
 */
export const STATEMENT_BODY_LIMIT_BYTES = 40 * 1024 * 1024;

export const MAX_LENGTHS = {
  description: 500,
  counterparty: 200,
  channel: 40,
  category: 100,
  transactionId: 200,
  externalRef: 200,
  gender: 40,
  region: 100,
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A decimal with at most two fraction digits, as the `numeric(18,2)` column stores it. */
export const DECIMAL = /^[+-]?\d{1,16}(\.\d{1,2})?$/;
export const CURRENCY = /^[A-Za-z]{3}$/;
export const MCC = /^\d{4}$/;

/** `YYYY-MM-DD` naming a real day (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const MIN_BIRTH_YEAR = 1900;
