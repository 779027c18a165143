import type { RawTransaction } from '../analysis/index.js';
import { CURRENCY, DECIMAL, isCalendarDate, MAX_LENGTHS, MCC } from './row-rules.js';

/** A valid row: what the categoriser reads, plus the partner's id for de-duplication. */
export interface ValidRow extends RawTransaction {
  /** The amount as the exact decimal text stored in `numeric(18,2)`, e.g. `-42.50`. */
  amountText: string;
  transactionId: string | null;
}

export type RowVerdict = { ok: true; row: ValidRow } | { ok: false; field: string; message: string };

/**
 * Checks one row (a JSON element, or a CSV record whose cells are strings) against the rules of
 * `TransactionRowSchema`, by hand: this runs 50,000 times per request. Empty strings count as
 * absent, as a CSV cell cannot say null. The first failing field is reported.
 */
export function validateRow(input: unknown): RowVerdict {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return fail('', 'Each transaction must be an object.');
  }
  const raw = input as Record<string, unknown>;

  const date = raw.date;
  if (typeof date !== 'string' || date === '') return fail('date', 'Required: the booking day, YYYY-MM-DD.');
  if (!knownDay(date)) return fail('date', 'Not a calendar day in the form YYYY-MM-DD.');

  const amountText = decimalText(raw.amount);
  if (amountText === undefined) return fail('amount', 'Required: a signed decimal amount.');
  if (amountText === null) return fail('amount', 'A signed decimal with at most two fraction digits.');

  const currency = typeof raw.currency === 'string' ? raw.currency.trim() : undefined;
  if (!currency) return fail('currency', 'Required: an ISO 4217 code.');
  if (!CURRENCY.test(currency)) return fail('currency', 'An ISO 4217 code of three letters.');

  const description = typeof raw.description === 'string' ? raw.description.trim() : '';
  if (!description) return fail('description', 'Required: the statement text of the transaction.');
  if (description.length > MAX_LENGTHS.description) return tooLong('description');

  const counterparty = optionalText(raw.counterparty);
  if (counterparty === false) return notText('counterparty');
  if (counterparty && counterparty.length > MAX_LENGTHS.counterparty) return tooLong('counterparty');
  const channel = optionalText(raw.channel);
  if (channel === false) return notText('channel');
  if (channel && channel.length > MAX_LENGTHS.channel) return tooLong('channel');
  const category = optionalText(raw.category);
  if (category === false) return notText('category');
  if (category && category.length > MAX_LENGTHS.category) return tooLong('category');
  const transactionId = optionalText(raw.transactionId);
  if (transactionId === false) return notText('transactionId');
  if (transactionId && transactionId.length > MAX_LENGTHS.transactionId) return tooLong('transactionId');

  const mccValue = typeof raw.mcc === 'number' && Number.isInteger(raw.mcc) ? String(raw.mcc) : raw.mcc;
  const mcc = optionalText(mccValue);
  if (mcc === false || (mcc !== null && !MCC.test(mcc))) {
    return fail('mcc', 'An ISO 18245 merchant category code: four digits.');
  }

  return {
    ok: true,
    row: {
      bookedOn: date,
      amount: Number(amountText),
      amountText,
      currency: currency.toUpperCase(),
      description,
      counterparty,
      channel,
      partnerCategory: category,
      mcc,
      transactionId,
    },
  };
}

/**
 * The amount as fixed two-decimal text (`-42.50`): undefined when absent, null when not a
 * decimal with at most two fraction digits. The text, not the float, is what is stored and
 * fingerprinted, so `12.5` and `"12.50"` are the same amount.
 */
function decimalText(value: unknown): string | null | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) >= SAFE_AMOUNT) return null;
    const cents = Math.round(value * 100);
    // 12.345 is refused; 0.29 (28.999999999999996 cents in binary) is not.
    if (Math.abs(cents - value * 100) > 1e-6) return null;
    return centsText(cents);
  }
  if (typeof value === 'string') {
    text = value.trim();
    if (text === '') return undefined;
  } else if (value === undefined || value === null) {
    return undefined;
  } else return null;
  if (!DECIMAL.test(text)) return null;
  // Short decimals are exact as doubles: the quick way. Longer ones are rewritten digit by digit.
  if (text.length <= 15) return centsText(Math.round(Number(text) * 100));
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const digits = `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
  return negative && digits !== '0.00' ? `-${digits}` : digits;
}

/** Amounts at or above this (in units) are not exact in cents as doubles: 2^53 / 100. */
const SAFE_AMOUNT = 90_071_992_547_409;

function centsText(cents: number): string {
  const negative = cents < 0;
  const magnitude = Math.abs(cents);
  const fraction = magnitude % 100;
  const text = `${(magnitude - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}`;
  return negative ? `-${text}` : text;
}

/**
 * Days already found valid: a statement repeats the same few hundred days thousands of times.
 * Bounded, so a stream of distinct garbage cannot grow it without end.
 */
const validDays = new Set<string>();
function knownDay(value: string): boolean {
  if (validDays.has(value)) return true;
  if (!isCalendarDate(value)) return false;
  if (validDays.size >= 20_000) validDays.clear();
  validDays.add(value);
  return true;
}

/** A trimmed string, null when absent or empty, false when present but not text. */
function optionalText(value: unknown): string | null | false {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function fail(field: string, message: string): RowVerdict {
  return { ok: false, field, message };
}

function tooLong(field: keyof typeof MAX_LENGTHS): RowVerdict {
  return fail(field, `At most ${MAX_LENGTHS[field]} characters.`);
}

function notText(field: string): RowVerdict {
  return fail(field, 'Must be text.');
}
