import { z } from '@hono/zod-openapi';
import { AGE_BANDS } from '../services/age-band.js';

/** The longest range a query may span: enough for years of statements, small enough for a timeline. */
export const MAX_RANGE_DAYS = 1_830;
const DAY_MS = 86_400_000;

const timestamp = z.iso.datetime().openapi({ example: '2025-03-01T00:00:00.000Z' });

/** The customer filters every analytics operation shares (the dashboard's filter bar). */
const customerFilterFields = {
  region: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Only customers in this region, exactly as the partner sent it.',
    example: 'Nairobi',
  }),
  gender: z.string().trim().min(1).max(50).optional().openapi({
    description: 'Only customers with this gender, exactly as the partner sent it.',
    example: 'female',
  }),
  ageBand: z.enum(AGE_BANDS).optional().openapi({
    description: 'Only customers whose age (from their birth year) falls in this band.',
    example: '25-34',
  }),
  persona: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Only customers whose latest analysis gave this persona key.',
    example: 'young_professional',
  }),
  from: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'Start of the time range (inclusive).',
    example: '2025-01-01T00:00:00Z',
  }),
  to: z.iso.datetime({ offset: true }).optional().openapi({
    description: 'End of the time range (exclusive); defaults to now.',
    example: '2025-04-01T00:00:00Z',
  }),
};

type RangeQuery = { from?: string | undefined; to?: string | undefined };
const rangeInOrder = (query: RangeQuery) =>
  !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to);
const rangeBounded = (query: RangeQuery) =>
  !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= MAX_RANGE_DAYS * DAY_MS;

const withRangeChecks = <T extends z.ZodType<RangeQuery>>(schema: T) =>
  schema
    .refine(rangeInOrder, { path: ['to'], message: '`to` must be later than `from`.' })
    .refine(rangeBounded, { path: ['to'], message: `The range may span at most ${MAX_RANGE_DAYS} days.` });

export const AnalyticsFilterQuerySchema = withRangeChecks(z.object(customerFilterFields));
export type AnalyticsFilters = z.infer<typeof AnalyticsFilterQuerySchema>;

export const DriftQuerySchema = withRangeChecks(
  z.object({
    ...customerFilterFields,
    level: z.enum(['moderate', 'alert']).optional().openapi({
      description: 'Only this level in the alert feed (both otherwise).',
      example: 'alert',
    }),
    cursor: z.string().min(1).max(200).optional().openapi({
      description: 'The `nextCursor` of the previous page of the alert feed.',
    }),
    limit: z.coerce.number().int().min(1).max(100).default(20).openapi({
      description: 'Alerts per page, 1 to 100.',
      example: 20,
    }),
  }),
);
export type DriftQuery = z.infer<typeof DriftQuerySchema>;

export const SummaryQuerySchema = withRangeChecks(
  z.object({
    from: z.iso.datetime({ offset: true }).openapi({
      description: 'Start of the period (inclusive), e.g. the overview’s `from`.',
      example: '2025-03-01T00:00:00Z',
    }),
    to: z.iso.datetime({ offset: true }).openapi({
      description: 'End of the period (exclusive), e.g. the overview’s `to`.',
      example: '2025-03-31T00:00:00Z',
    }),
  }),
);

const count = (description: string, example: number) => z.number().int().openapi({ description, example });
const share = z.number().openapi({ description: 'A fraction from 0 to 1.', example: 0.31 });
const rangeFields = {
  from: timestamp.nullable().openapi({ description: 'The range applied; null when unbounded.' }),
  to: timestamp.openapi({ description: 'The range’s end (exclusive).' }),
};

const PersonaCountSchema = z
  .object({
    key: z.string().openapi({ example: 'young_professional' }),
    label: z.string().openapi({ example: 'Young professional' }),
    count: count('Customers with this persona.', 42),
    share: share.openapi({ description: 'Of the analysed customers in this group, 0 to 1.' }),
  })
  .openapi('PersonaCount');

const OverlayGroupSchema = z
  .object({
    value: z.string().nullable().openapi({
      description: 'The region, age band or gender; null for customers without one.',
      example: 'Nairobi',
    }),
    total: count('Analysed customers in this group.', 120),
    personas: z.array(PersonaCountSchema).openapi({ description: 'Largest first.' }),
  })
  .openapi('PersonaOverlayGroup');

const PersonaMonthSchema = z
  .object({
    month: z.string().openapi({ description: '`YYYY-MM`.', example: '2025-02' }),
    total: count('Customers with a persona that month.', 310),
    personas: z.array(PersonaCountSchema).openapi({ description: 'Largest first.' }),
  })
  .openapi('PersonaMonth');

export const PersonaAnalyticsSchema = z
  .object({
    ...rangeFields,
    total: count('Analysed customers matching the filters.', 500),
    unanalysed: count('Customers matching the filters without an analysis yet.', 3),
    personas: z.array(PersonaCountSchema).openapi({ description: 'Largest first.' }),
    overlays: z.object({
      region: z.array(OverlayGroupSchema),
      ageBand: z.array(OverlayGroupSchema),
      gender: z.array(OverlayGroupSchema),
    }),
    timeline: z.array(PersonaMonthSchema).openapi({
      description:
        'The contextual persona timeline: per month of the range (the last 12 months without `from`), how many of the matching customers had each persona that month, read from their latest analysis’s month-by-month timeline.',
    }),
  })
  .openapi('PersonaAnalytics', { description: 'Who the customers are: persona mix and demographics.' });

const CravingBucketSchema = z
  .object({
    from: z.number().openapi({ description: 'Lower score bound (inclusive).', example: 0.6 }),
    to: z.number().openapi({ description: 'Upper score bound (exclusive, 1 inclusive).', example: 0.8 }),
    count: count('Measured customers whose score falls here.', 18),
  })
  .openapi('CravingBucket');

const CravingDriverStatsSchema = z
  .object({
    driver: z.string().openapi({ example: 'convenience' }),
    label: z.string().openapi({ example: 'Convenience' }),
    measured: count('Customers with a measured score.', 412),
    needsMoreData: count('Customers whose history is too thin to score this driver.', 88),
    leading: count(
      'Customers for whom this driver leads (their highest measured score): what `GET /partner/customers?craving=` lists.',
      97,
    ),
    meanScore: z.number().nullable().openapi({
      description: 'Mean score of the measured customers, 0 to 1; null when none is measured.',
      example: 0.54,
    }),
    meanConfidence: z.number().nullable().openapi({
      description: 'Mean confidence of the measured customers, 0 to 1; null when none is measured.',
      example: 0.71,
    }),
    distribution: z.array(CravingBucketSchema).openapi({ description: 'Five buckets of 0.2.' }),
  })
  .openapi('CravingDriverStats');

export const CravingAnalyticsSchema = z
  .object({
    ...rangeFields,
    customers: count('Customers matching the filters with a craving profile.', 500),
    drivers: z.array(CravingDriverStatsSchema),
  })
  .openapi('CravingAnalytics', { description: 'What drives the customers, with how sure each score is.' });

const DriftAlertSchema = z
  .object({
    id: z.string().openapi({ description: 'The analysis.', example: 'ana_01jf8z9a2b3c4d5e6f7g8h9j0k' }),
    customerId: z.string().openapi({ example: 'cus_01jf8z9a2b3c4d5e6f7g8h9j0k' }),
    externalRef: z.string().openapi({ example: 'ACC-000123' }),
    displayName: z.string().nullable().openapi({ example: null }),
    persona: z.string().openapi({ example: 'young_professional' }),
    level: z.enum(['moderate', 'alert']).openapi({ example: 'alert' }),
    psi: z.number().nullable().openapi({ description: 'Population stability index.', example: 0.31 }),
    jsDistance: z.number().nullable().openapi({ description: 'Jensen–Shannon distance.', example: 0.22 }),
    shifts: z
      .array(
        z.object({
          category: z.string().openapi({ example: 'gambling' }),
          fromShare: share,
          toShare: share,
        }),
      )
      .openapi({ description: 'The three categories that moved most.' }),
    createdAt: timestamp.openapi({ description: 'When the analysis ran.' }),
  })
  .openapi('DriftAlert');

const DriftBucketSchema = z
  .object({
    bucket: timestamp.openapi({ description: 'Start of the UTC day or ISO week.' }),
    moderate: count('Analyses at `moderate`.', 2),
    alert: count('Analyses at `alert`.', 1),
  })
  .openapi('DriftBucket');

export const DriftAnalyticsSchema = z
  .object({
    from: timestamp.openapi({ description: 'The range applied (the last 90 days without `from`).' }),
    to: timestamp,
    current: z
      .object({
        none: count('Customers whose latest analysis shows no drift.', 430),
        moderate: count('Customers at moderate drift.', 41),
        alert: count('Customers at alert.', 12),
        unmeasured: count('Customers with fewer than two periods to compare, or no analysis.', 17),
      })
      .openapi({ description: 'Matching customers per drift level now (not limited to the range).' }),
    granularity: z.enum(['day', 'week']).openapi({
      description: 'Days up to 62 days of range, ISO weeks beyond.',
      example: 'week',
    }),
    timeline: z.array(DriftBucketSchema).openapi({ description: 'Every bucket of the range, oldest first.' }),
    alerts: z.array(DriftAlertSchema).openapi({ description: 'The alert feed, newest first.' }),
    nextCursor: z.string().nullable().openapi({
      description: 'Pass as `cursor` for older alerts; null on the last page.',
      example: null,
    }),
  })
  .openapi('DriftAnalytics', { description: 'How customers’ behaviour is changing.' });

export const IntelligenceSummarySchema = z
  .object({
    from: timestamp,
    to: timestamp,
    activeCustomers: count(
      'Customers (not archived, not merged) with a transaction booked on a day of the period.',
      318,
    ),
    customersAtAlert: count('Customers whose latest analysis is at drift `alert`, now.', 12),
    alertsRaised: count('Customers with an analysis at drift `alert` that ran in the period.', 4),
  })
  .openapi('IntelligenceSummary', { description: 'The intelligence figures of the Overview page.' });

const CatalogueEntrySchema = z.object({
  key: z.string().openapi({ example: 'steady_saver' }),
  label: z.string().openapi({ example: 'Steady saver' }),
  description: z.string().openapi({ example: 'Regular income with a steady share put aside each month.' }),
});

export const IntelligenceCatalogueSchema = z
  .object({
    engineVersion: z.string().openapi({ example: '1.0.0' }),
    personas: z.array(CatalogueEntrySchema).openapi({ description: 'Every persona the engine can assign.' }),
    cravingDrivers: z
      .array(CatalogueEntrySchema)
      .openapi({ description: 'The engagement drivers a craving profile scores.' }),
  })
  .openapi('IntelligenceCatalogue', {
    description: 'What the analysis engine can say about a customer: its personas and craving drivers.',
  });
