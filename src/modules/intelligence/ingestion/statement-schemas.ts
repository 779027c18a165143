import { z } from '@hono/zod-openapi';
import {
  CURRENCY,
  DECIMAL,
  isCalendarDate,
  MAX_LENGTHS,
  MAX_TRANSACTIONS,
  MCC,
  MIN_BIRTH_YEAR,
} from './row-rules.js';

/*
 * These schemas document the body (OpenAPI) and state the rules; the rows themselves are checked
 * by `validateRow` (validate-row.ts), which applies the same rules about fifty times faster than
 * zod does per row — at 50,000 rows that is the difference between a few milliseconds and more
 * than a second. A test holds the two to the same verdicts.
 */

const optionalText = (max: number, description: string, example: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .transform((value) => (value === '' ? null : value))
    .nullish()
    .openapi({ description, example });

/** One transaction as the partner sends it (a JSON array element or a CSV row). */
export const TransactionRowSchema = z
  .object({
    date: z
      .string({ error: 'Required: the booking day, YYYY-MM-DD.' })
      .refine(isCalendarDate, { error: 'Not a calendar day in the form YYYY-MM-DD.' })
      .openapi({ description: 'Booking day, `YYYY-MM-DD`.', example: '2025-03-14' }),
    amount: z
      .union([z.number(), z.string().trim()], { error: 'Required: a signed decimal amount.' })
      .transform((value, ctx) => {
        const text = typeof value === 'number' ? String(value) : value;
        if (!DECIMAL.test(text)) {
          ctx.addIssue({ code: 'custom', message: 'A signed decimal with at most two fraction digits.' });
          return z.NEVER;
        }
        return Number(text);
      })
      .openapi({
        type: 'number',
        description:
          'Signed amount in `currency`: money in is positive, money out negative; at most two fraction digits. A JSON number or a decimal string.',
        example: -42.5,
      }),
    currency: z
      .string({ error: 'Required: an ISO 4217 code.' })
      .trim()
      .regex(CURRENCY, { error: 'An ISO 4217 code of three letters.' })
      .transform((value) => value.toUpperCase())
      .openapi({ description: 'ISO 4217 currency code.', example: 'EUR' }),
    description: z
      .string({ error: 'Required: the statement text of the transaction.' })
      .trim()
      .min(1, { error: 'Required: the statement text of the transaction.' })
      .max(MAX_LENGTHS.description, { error: `At most ${MAX_LENGTHS.description} characters.` })
      .openapi({
        description: 'The statement text, as the bank shows it.',
        example: 'CARD PAYMENT TESCO STORES 3245',
      }),
    counterparty: optionalText(
      MAX_LENGTHS.counterparty,
      'The other party: merchant, employer, payee.',
      'Tesco',
    ),
    channel: optionalText(
      MAX_LENGTHS.channel,
      'How it was made: `card`, `transfer`, `direct_debit`, `cash`, `atm`, `online`, `mobile`…',
      'card',
    ),
    category: optionalText(
      MAX_LENGTHS.category,
      'Your own category, if any; kept as sent and used as a hint by the categoriser.',
      'Groceries',
    ),
    mcc: z
      .union([z.string().trim(), z.number().int()])
      .transform((value, ctx) => {
        const text = String(value);
        if (text === '') return null;
        if (!MCC.test(text)) {
          ctx.addIssue({ code: 'custom', message: 'An ISO 18245 merchant category code: four digits.' });
          return z.NEVER;
        }
        return text;
      })
      .nullish()
      .openapi({ type: 'string', description: 'ISO 18245 merchant category code.', example: '5411' }),
    transactionId: optionalText(
      MAX_LENGTHS.transactionId,
      'Your id for the transaction. When given, a transaction re-sent with the same id is stored once; without it, Atrium recognises a re-sent row by its date, amount, currency, description, counterparty and its position among identical rows.',
      'tx-2025-03-14-0001',
    ),
  })
  .openapi({ description: 'One transaction: a JSON array element, or a CSV row under the header.' });

export type TransactionRow = z.output<typeof TransactionRowSchema>;

/** The customer a statement belongs to, with the demographics the dashboard's overlays use. */
export const StatementCustomerSchema = z
  .object({
    externalRef: z
      .string({ error: 'Required: your reference for the customer.' })
      .trim()
      .min(1, { error: 'Required: your reference for the customer.' })
      .max(MAX_LENGTHS.externalRef, { error: `At most ${MAX_LENGTHS.externalRef} characters.` })
      .openapi({
        description:
          'Your reference for the customer; a new one creates the customer, a known one adds to its history.',
        example: 'CUST-000123',
      }),
    birthYear: z.coerce
      .number()
      .int()
      .min(MIN_BIRTH_YEAR)
      .max(new Date().getUTCFullYear())
      .nullish()
      .openapi({
        description: 'Year of birth (for age bands); omitted keeps what Atrium has.',
        example: 1987,
      }),
    gender: optionalText(
      MAX_LENGTHS.gender,
      'As you record it: `female`, `male`, `non_binary`, `unknown`…',
      'female',
    ),
    region: optionalText(MAX_LENGTHS.region, 'Region or state, as you record it.', 'Nairobi'),
  })
  .openapi({ description: 'The customer the statement belongs to.' });

export type StatementCustomer = z.output<typeof StatementCustomerSchema>;

export const CreateStatementJsonSchema = z
  .object({
    customer: StatementCustomerSchema,
    transactions: z.array(TransactionRowSchema).min(1).max(MAX_TRANSACTIONS),
  })
  .openapi('CreateStatementRequest');

/** The query parameters that carry the customer of a CSV upload. */
export const StatementCsvQuerySchema = z.object({
  customerRef: z.string().optional().openapi({
    description: 'CSV uploads: the customer’s external reference (required for CSV).',
    example: 'CUST-000123',
  }),
  birthYear: z.string().optional().openapi({ description: 'CSV uploads: year of birth.', example: '1987' }),
  gender: z.string().optional().openapi({ description: 'CSV uploads: gender.', example: 'female' }),
  region: z.string().optional().openapi({ description: 'CSV uploads: region.', example: 'Nairobi' }),
});

export const StatementSchema = z
  .object({
    id: z
      .string()
      .openapi({ description: 'The statement’s public id.', example: 'stm_01jf8zb2c3d4e5f6g7h8j9k0m1' }),
    customer: z.object({
      id: z
        .string()
        .openapi({ description: 'The customer’s public id.', example: 'cus_01jf8zb2c3d4e5f6g7h8j9k0m1' }),
      externalRef: z
        .string()
        .openapi({ description: 'Your reference for the customer.', example: 'CUST-000123' }),
    }),
    format: z.enum(['json', 'csv']).openapi({ description: 'How the statement was sent.', example: 'json' }),
    receivedCount: z.number().int().openapi({ description: 'Rows in the upload.', example: 3 }),
    storedCount: z.number().int().openapi({ description: 'Rows stored (new transactions).', example: 2 }),
    duplicateCount: z
      .number()
      .int()
      .openapi({ description: 'Rows skipped because Atrium already had them (re-sent).', example: 1 }),
    periodStart: z
      .string()
      .nullable()
      .openapi({ description: 'Earliest booking day in the upload.', example: '2025-03-01' }),
    periodEnd: z
      .string()
      .nullable()
      .openapi({ description: 'Latest booking day in the upload.', example: '2025-03-31' }),
    jobRunId: z.string().nullable().openapi({
      description:
        'The analysis job run this upload started (`intelligence.analyze-customer`); null when it added no transaction, so the latest analysis still stands.',
      example: 'job_01jf8zb2c3d4e5f6g7h8j9k0m1',
    }),
    createdAt: z
      .string()
      .openapi({ description: 'When Atrium received it.', example: '2025-04-01T09:30:00.000Z' }),
  })
  .openapi('Statement');

export type StatementView = z.infer<typeof StatementSchema>;
