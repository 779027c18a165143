import { z } from 'zod';
import { defineEvent } from '../../kernel/events.js';

const customerRef = {
  customerId: z.string().describe('The customer’s public id (`cus_…`).'),
  externalRef: z.string().describe('Your reference for the customer.'),
};

export const statementReceivedEvent = defineEvent({
  type: 'statement.received',
  description:
    'A statement sent through `POST /v1/statements` was stored: how many rows it held, how many were new and how many were already known, and the analysis job it started. Sent to the endpoints of the app whose key sent it.',
  schema: z.object({
    statementId: z.string().describe('The statement’s public id (`stm_…`).'),
    ...customerRef,
    receivedCount: z.number().int(),
    storedCount: z.number().int(),
    duplicateCount: z.number().int(),
    periodStart: z.string().nullable().describe('Earliest booking day in the statement.'),
    periodEnd: z.string().nullable().describe('Latest booking day in the statement.'),
    jobRunId: z.string().nullable().describe('The analysis job run it started; null when no row was new.'),
  }),
  example: {
    statementId: 'stm_01jf8zb2c3d4e5f6g7h8j9k0m1',
    customerId: 'cus_01jf8z7k2n3p4q5r6s7t8v9w0x',
    externalRef: 'CUST-000123',
    receivedCount: 412,
    storedCount: 398,
    duplicateCount: 14,
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    jobRunId: 'job_01jf8zb9x8w7v6t5s4r3q2p1n0',
  },
});

const driftSchema = z
  .object({
    level: z.enum(['none', 'moderate', 'alert']),
    psi: z.number().describe('Population stability index between the last two periods.'),
    from: z.object({ start: z.string(), end: z.string() }),
    to: z.object({ start: z.string(), end: z.string() }),
  })
  .nullable()
  .describe('Null with fewer than two periods of history.');

export const customerAnalyzedEvent = defineEvent({
  type: 'customer.analyzed',
  description:
    'A customer’s analysis finished (after a statement, a merge or a re-run): its persona, strongest cravings and drift.',
  schema: z.object({
    analysisId: z.string().describe('The analysis’s public id (`ana_…`).'),
    ...customerRef,
    engineVersion: z.string(),
    transactionCount: z.number().int(),
    persona: z.string().describe('The persona key.'),
    personaLabel: z.string(),
    cravings: z
      .array(z.object({ driver: z.string(), score: z.number(), confidence: z.number(), state: z.string() }))
      .describe('Every driver, strongest first.'),
    drift: driftSchema,
  }),
  example: {
    analysisId: 'ana_01jf8zc1d2e3f4g5h6j7k8m9n0',
    customerId: 'cus_01jf8z7k2n3p4q5r6s7t8v9w0x',
    externalRef: 'CUST-000123',
    engineVersion: 'intel-analysis/1.0.0',
    transactionCount: 1240,
    persona: 'convenience_seeker',
    personaLabel: 'Convenience seeker',
    cravings: [{ driver: 'convenience', score: 0.82, confidence: 0.9, state: 'measured' }],
    drift: {
      level: 'moderate',
      psi: 0.14,
      from: { start: '2025-01-01', end: '2025-03-31' },
      to: { start: '2025-04-01', end: '2025-06-30' },
    },
  },
});

export const customerDriftDetectedEvent = defineEvent({
  type: 'customer.drift_detected',
  description:
    'An analysis found a drift alert (PSI above 0.25): the customer’s spending moved markedly between its last two periods. The categories that moved most are listed.',
  schema: z.object({
    analysisId: z.string(),
    ...customerRef,
    psi: z.number(),
    jsDistance: z.number().describe('Jensen–Shannon distance, 0…1.'),
    from: z.object({ start: z.string(), end: z.string() }),
    to: z.object({ start: z.string(), end: z.string() }),
    shifts: z.array(z.object({ category: z.string(), fromShare: z.number(), toShare: z.number() })),
  }),
  example: {
    analysisId: 'ana_01jf8zc1d2e3f4g5h6j7k8m9n0',
    customerId: 'cus_01jf8z7k2n3p4q5r6s7t8v9w0x',
    externalRef: 'CUST-000123',
    psi: 0.41,
    jsDistance: 0.33,
    from: { start: '2025-01-01', end: '2025-03-31' },
    to: { start: '2025-04-01', end: '2025-06-30' },
    shifts: [{ category: 'gambling', fromShare: 0.01, toShare: 0.19 }],
  },
});

export const intelligenceEvents = [statementReceivedEvent, customerAnalyzedEvent, customerDriftDetectedEvent];
