import { describe, expect, it } from 'vitest';
import { TransactionRowSchema } from './statement-schemas.js';
import { validateRow } from './validate-row.js';

const valid = { date: '2025-03-14', amount: -42.5, currency: 'eur', description: ' CARD PAYMENT ' };

// Rows and the verdict both the documented schema and the fast validator must reach.
const SAMPLES: [string, Record<string, unknown>, boolean][] = [
  ['minimal', valid, true],
  [
    'every field',
    {
      ...valid,
      counterparty: 'Tesco',
      channel: 'card',
      category: 'Groceries',
      mcc: '5411',
      transactionId: 't1',
    },
    true,
  ],
  ['amount as text', { ...valid, amount: '-42.50' }, true],
  ['whole amount', { ...valid, amount: 2450 }, true],
  ['0.29 (inexact in binary)', { ...valid, amount: 0.29 }, true],
  ['numeric mcc', { ...valid, mcc: 5411 }, true],
  [
    'CSV blanks for optional cells',
    { ...valid, counterparty: '', channel: '', mcc: '', transactionId: '' },
    true,
  ],
  ['no date', { ...valid, date: undefined }, false],
  ['30 February', { ...valid, date: '2025-02-30' }, false],
  ['date with time', { ...valid, date: '2025-03-14T10:00:00Z' }, false],
  ['three decimals', { ...valid, amount: 12.345 }, false],
  ['amount word', { ...valid, amount: 'ten' }, false],
  ['no amount', { ...valid, amount: undefined }, false],
  ['currency of four letters', { ...valid, currency: 'EURO' }, false],
  ['blank description', { ...valid, description: '   ' }, false],
  ['description too long', { ...valid, description: 'x'.repeat(501) }, false],
  ['mcc of three digits', { ...valid, mcc: '541' }, false],
  ['counterparty not text', { ...valid, counterparty: 12 }, false],
];

describe('validateRow', () => {
  it.each(SAMPLES)('%s: agrees with the documented schema', (_, row, ok) => {
    expect(validateRow(row).ok).toBe(ok);
    expect(TransactionRowSchema.safeParse(row).success).toBe(ok);
  });

  it('normalises what it keeps: trimmed text, upper-case currency, the amount as exact cents', () => {
    const verdict = validateRow({ ...valid, amount: '-0042.5', counterparty: '  ' });
    expect(verdict).toEqual({
      ok: true,
      row: expect.objectContaining({
        amount: -42.5,
        amountText: '-42.50',
        currency: 'EUR',
        description: 'CARD PAYMENT',
        counterparty: null,
      }),
    });
    const long = validateRow({ ...valid, amount: '-1234567890123456.78' });
    expect(long.ok && long.row.amountText).toBe('-1234567890123456.78');
    expect(
      validateRow({ ...valid, amount: 0.29 }).ok && validateRow({ ...valid, amount: 0.29 }),
    ).toMatchObject({
      row: { amountText: '0.29' },
    });
  });
});
