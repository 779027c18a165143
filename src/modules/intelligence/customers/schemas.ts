import { z } from '@hono/zod-openapi';
import { AGE_BANDS } from '../services/age-band.js';

/** The customer API's contracts (`/partner/customers…`); the dashboard reads them through the generated client. */

export const CUSTOMER_PAGE_LIMIT_MAX = 200;
export const MERGE_DUPLICATES_MAX = 50;
export const DRIFT_LEVELS = ['none', 'moderate', 'alert'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

const CUSTOMER_ID_EXAMPLE = 'cus_01jf8zb2c3d4e5f6g7h8j9k0m1';
const DUPLICATE_ID_EXAMPLE = 'cus_01jf8zb9c3d4e5f6g7h8j9k0m2';
const ANALYSIS_ID_EXAMPLE = 'ana_01jf8zc2c3d4e5f6g7h8j9k0m1';
const STATEMENT_ID_EXAMPLE = 'stm_01jf8zd2c3d4e5f6g7h8j9k0m1';
const TRANSACTION_ID_EXAMPLE = 'txn_01jf8ze2c3d4e5f6g7h8j9k0m1';

const timestamp = z.iso.datetime().openapi({ example: '2025-01-15T09:30:00.000Z' });
const day = z.iso.date().openapi({ example: '2025-01-14' });

const cursor = z.string().min(1).max(200).optional().openapi({
  description: 'The `nextCursor` of the previous page.',
  example: CUSTOMER_ID_EXAMPLE,
});
const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(CUSTOMER_PAGE_LIMIT_MAX)
  .default(50)
  .openapi({ description: 'Rows per page.', example: 50 });
const nextCursor = z.string().nullable().openapi({
  description: 'Pass as `cursor` for the next page; null on the last page.',
  example: null,
});

export const CustomerIdParamsSchema = z.object({
  customerId: z.string().openapi({ param: { name: 'customerId', in: 'path' }, example: CUSTOMER_ID_EXAMPLE }),
});

export const PersonaRefSchema = z
  .object({
    key: z.string().openapi({ description: 'Stable persona key.', example: 'steady_saver' }),
    label: z.string().openapi({ description: 'The persona’s name for people.', example: 'Steady saver' }),
  })
  .openapi('PersonaRef', { description: 'A persona of the analysis engine’s catalogue.' });

export const CustomerListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().openapi({
    description:
      'Search: a customer id (`cus_…`), or part of the external reference or of the display name (case-insensitive).',
    example: 'ACME-0042',
  }),
  persona: z.string().max(100).optional().openapi({ description: 'Persona key.', example: 'steady_saver' }),
  craving: z.string().max(50).optional().openapi({
    description:
      'Leading craving driver: the customers whose highest measured craving score is this one (ties go to the first driver by name). `GET /partner/analytics/catalogue` lists the drivers.',
    example: 'security',
  }),
  driftLevel: z.enum(DRIFT_LEVELS).optional().openapi({ example: 'alert' }),
  riskLevel: z.enum(RISK_LEVELS).optional().openapi({ example: 'high' }),
  region: z.string().max(100).optional().openapi({ example: 'Nairobi' }),
  gender: z.string().max(40).optional().openapi({ example: 'female' }),
  ageBand: z.enum(AGE_BANDS).optional().openapi({ description: 'From the birth year.', example: '25-34' }),
  activeFrom: z.iso.date().optional().openapi({
    description:
      'Customers with a transaction booked on or after this day (their history reaches into the period): what the intelligence dashboard counts for its time range.',
    example: '2025-01-01',
  }),
  activeTo: z.iso.date().optional().openapi({
    description: 'Customers with a transaction booked on or before this day.',
    example: '2025-03-31',
  }),
  archived: z.enum(['false', 'true', 'all']).default('false').openapi({
    description: '`false` (default): active customers; `true`: archived ones; `all`: both.',
    example: 'false',
  }),
  cursor,
  limit,
});

const customerFields = {
  id: z.string().openapi({ example: CUSTOMER_ID_EXAMPLE }),
  externalRef: z.string().openapi({
    description: 'The partner’s own reference, as sent with its statements.',
    example: 'ACME-0042',
  }),
  displayName: z.string().nullable().openapi({ example: 'Wanjiru K.' }),
  persona: PersonaRefSchema.nullable().openapi({ description: 'Latest analysis; null before any.' }),
  driftLevel: z.enum(DRIFT_LEVELS).nullable().openapi({
    description: 'Latest analysis: `alert` above PSI 0.25, `moderate` from 0.1; null before two periods.',
    example: 'moderate',
  }),
  driftPsi: z.number().nullable().openapi({ description: 'Population stability index.', example: 0.18 }),
  riskLevel: z.enum(RISK_LEVELS).nullable().openapi({
    description: 'Set by the compliance module’s screening; null until it screens the customer.',
    example: null,
  }),
  region: z.string().nullable().openapi({ example: 'Nairobi' }),
  gender: z.string().nullable().openapi({ example: 'female' }),
  ageBand: z.enum(AGE_BANDS).nullable().openapi({ example: '25-34' }),
  transactionCount: z.number().int().openapi({ example: 412 }),
  lastTransactionOn: day.nullable(),
  analyzedAt: timestamp.nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
};

export const CustomerRowSchema = z
  .object(customerFields)
  .openapi('CustomerRow', { description: 'A customer as the customer table shows it.' });

export const CustomerListSchema = z
  .object({ data: z.array(CustomerRowSchema).openapi({ description: 'Newest first.' }), nextCursor })
  .openapi('CustomerList');

export const PersonaReasonSchema = z
  .object({
    code: z.string().openapi({ example: 'high_savings_rate' }),
    text: z.string().openapi({ example: 'Saves 31 % of income (population median 8 %).' }),
    weight: z.number().openapi({ description: '0…1.', example: 0.6 }),
  })
  .openapi('PersonaReason');

export const CravingSchema = z
  .object({
    driver: z.string().openapi({ example: 'savings' }),
    score: z.number().openapi({ description: '0…1.', example: 0.82 }),
    confidence: z.number().openapi({ description: '0…1: low when the history is thin.', example: 0.7 }),
    state: z.enum(['measured', 'needs_more_data']).openapi({ example: 'measured' }),
    evidence: z.array(z.string()).openapi({ example: ['Moves 30 % of income to savings each month.'] }),
  })
  .openapi('Craving');

export const DriftSchema = z
  .object({
    psi: z.number().openapi({ example: 0.31 }),
    jsDistance: z.number().openapi({ description: 'Jensen–Shannon distance, 0…1.', example: 0.22 }),
    level: z.enum(DRIFT_LEVELS).openapi({ example: 'alert' }),
    from: z.object({ start: day, end: day }),
    to: z.object({ start: day, end: day }),
    shifts: z
      .array(z.object({ category: z.string(), fromShare: z.number(), toShare: z.number() }))
      .openapi({ example: [{ category: 'gambling', fromShare: 0.02, toShare: 0.19 }] }),
  })
  .openapi('Drift', { description: 'How much spending moved between the last two periods.' });

export const AnalysisSummarySchema = z
  .object({
    id: z.string().openapi({ example: ANALYSIS_ID_EXAMPLE }),
    createdAt: timestamp,
    transactionCount: z.number().int().openapi({ example: 412 }),
    periodStart: day.nullable(),
    periodEnd: day.nullable(),
    persona: PersonaRefSchema.extend({ reasons: z.array(PersonaReasonSchema) }),
    cravings: z.array(CravingSchema),
    drift: DriftSchema.nullable(),
  })
  .openapi('CustomerAnalysisSummary');

export const CustomerSchema = z
  .object({
    ...customerFields,
    birthYear: z.number().int().nullable().openapi({ example: 1991 }),
    firstTransactionOn: day.nullable(),
    mergedIntoId: z.string().nullable().openapi({
      description: 'Set when this customer was merged into another: its history stays readable here.',
      example: null,
    }),
    mergedAt: timestamp.nullable(),
    mergedFrom: z
      .array(
        z.object({
          id: z.string().openapi({ example: DUPLICATE_ID_EXAMPLE }),
          externalRef: z.string().openapi({ example: 'ACME-0042-B' }),
          displayName: z.string().nullable(),
          mergedAt: timestamp,
        }),
      )
      .openapi({ description: 'Duplicates merged into this customer.' }),
    latestAnalysis: AnalysisSummarySchema.nullable(),
    updatedAt: timestamp,
  })
  .openapi('Customer', { description: 'A customer’s profile.' });

export const AnalysisSchema = AnalysisSummarySchema.extend({
  engineVersion: z.string().openapi({ example: '1.0.0' }),
  profile: z.record(z.string(), z.unknown()).openapi({
    description:
      'Income and spending: `currency`, `months`, `monthlyIncome`, `monthlySpend`, `savingsRate`, `incomeRegularity`, `topCategories`.',
    example: { currency: 'KES', months: 6, monthlyIncome: 85000, monthlySpend: 61000 },
  }),
  timeline: z.array(z.record(z.string(), z.unknown())).openapi({
    description: 'Month by month: `month`, `persona`, `transactionCount`, `income`, `spend`, `categories`.',
    example: [{ month: '2025-01', persona: 'steady_saver', transactionCount: 64 }],
  }),
}).openapi('CustomerAnalysis', {
  description: 'One run of the analysis engine over the customer’s history.',
});

export const AnalysisListQuerySchema = z.object({ cursor, limit });

export const AnalysisListSchema = z
  .object({ data: z.array(AnalysisSchema).openapi({ description: 'Newest first.' }), nextCursor })
  .openapi('CustomerAnalysisList');

export const TransactionListQuerySchema = z.object({
  category: z.string().max(100).optional().openapi({ example: 'groceries' }),
  from: z.iso.date().optional().openapi({ description: 'Booked on or after.', example: '2025-01-01' }),
  to: z.iso.date().optional().openapi({ description: 'Booked on or before.', example: '2025-01-31' }),
  cursor: cursor.openapi({ example: TRANSACTION_ID_EXAMPLE }),
  limit,
});

export const TransactionSchema = z
  .object({
    id: z.string().openapi({ example: TRANSACTION_ID_EXAMPLE }),
    statementId: z.string().openapi({ example: STATEMENT_ID_EXAMPLE }),
    bookedOn: day,
    amount: z.string().openapi({
      description: 'Signed decimal, exact: money in is positive, money out negative.',
      example: '-1250.00',
    }),
    currency: z.string().openapi({ example: 'KES' }),
    description: z.string().openapi({ example: 'NAIVAS SUPERMARKET WESTLANDS' }),
    counterparty: z.string().nullable().openapi({ example: 'Naivas' }),
    channel: z.string().nullable().openapi({ example: 'card' }),
    category: z.string().openapi({ example: 'groceries' }),
    categoryConfidence: z.number().openapi({ description: '0…1.', example: 0.93 }),
    categorySource: z.enum(['mcc', 'partner', 'rule', 'keyword', 'fallback']).nullable().openapi({
      description:
        'How the category was found: the merchant category code, the partner’s own category, a description rule, the merchant dictionary, or the fallback for the direction of money. Null for transactions stored before the source was kept.',
      example: 'mcc',
    }),
    partnerCategory: z.string().nullable().openapi({ example: null }),
    mcc: z.string().nullable().openapi({ example: '5411' }),
    partnerTransactionId: z.string().nullable().openapi({ example: 'tx-88812' }),
  })
  .openapi('CustomerTransaction');

export const TransactionListSchema = z
  .object({
    data: z.array(TransactionSchema).openapi({ description: 'Newest booking first.' }),
    nextCursor,
  })
  .openapi('CustomerTransactionList');

const nullableText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const UpdateCustomerRequestSchema = z
  .object({
    displayName: nullableText(200).openapi({
      description: 'A label for people; null clears it.',
      example: 'Wanjiru K.',
    }),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .max(new Date().getUTCFullYear())
      .nullable()
      .optional()
      .openapi({ description: 'For the age band; null clears it.', example: 1991 }),
    gender: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z_]{1,40}$/, 'Use lower-case letters and underscores, e.g. female, male, non_binary.')
      .nullable()
      .optional()
      .openapi({ description: 'e.g. `female`, `male`, `non_binary`, `unknown`.', example: 'female' }),
    region: nullableText(100).openapi({ example: 'Nairobi' }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change.' })
  .openapi('UpdateCustomerRequest', { example: { displayName: 'Wanjiru K.', region: 'Nairobi' } });

export const MergeCustomersRequestSchema = z
  .object({
    duplicateIds: z
      .array(z.string().max(40))
      .min(1)
      .max(MERGE_DUPLICATES_MAX)
      .openapi({
        description: 'Customers to fold into this one. Each keeps its history and points to this one.',
        example: [DUPLICATE_ID_EXAMPLE],
      }),
  })
  .openapi('MergeCustomersRequest', { example: { duplicateIds: [DUPLICATE_ID_EXAMPLE] } });

export const MergeCustomersResultSchema = z
  .object({
    customer: CustomerSchema,
    transactionsMoved: z.number().int().openapi({
      description: 'Transactions that moved to this customer.',
      example: 120,
    }),
    transactionsAlreadyHeld: z.number().int().openapi({
      description:
        'Transactions a duplicate held that this customer (or another duplicate) already had: kept once.',
      example: 3,
    }),
    statementsMoved: z.number().int().openapi({ example: 2 }),
  })
  .openapi('MergeCustomersResult');

export const CustomerReportQuerySchema = z.object({
  format: z.enum(['pdf', 'csv']).default('pdf').openapi({
    description: '`pdf`: profile, persona, cravings, drift and transactions; `csv`: the transactions.',
    example: 'csv',
  }),
});
