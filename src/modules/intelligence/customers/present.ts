import { toPublicId } from '../../../kernel/ids/public-id.js';
import type {
  CategorySource,
  Craving,
  DriftResult,
  PersonaReason,
  TimelineMonth,
} from '../analysis/types.js';
import type { customerAnalyses, customers, transactions } from '../schema.js';
import { type AgeBand, ageBandOf } from '../services/age-band.js';
import { personaRef } from './persona-label.js';
import type { DRIFT_LEVELS, RISK_LEVELS } from './schemas.js';

export type CustomerRecord = typeof customers.$inferSelect;
export type AnalysisRecord = typeof customerAnalyses.$inferSelect;
export type TransactionRecord = typeof transactions.$inferSelect;

type DriftLevel = (typeof DRIFT_LEVELS)[number];
type RiskLevel = (typeof RISK_LEVELS)[number];

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** A customer as a row of the customer table. */
export function presentCustomerRow(row: CustomerRecord) {
  return {
    id: toPublicId('customer', row.id),
    externalRef: row.externalRef,
    displayName: row.displayName,
    persona: row.persona ? personaRef(row.persona) : null,
    driftLevel: (row.driftLevel as DriftLevel | null) ?? null,
    driftPsi: row.driftPsi,
    riskLevel: (row.riskLevel as RiskLevel | null) ?? null,
    region: row.region,
    gender: row.gender,
    ageBand: ageBandOf(row.birthYear) as AgeBand | null,
    transactionCount: row.transactionCount,
    lastTransactionOn: row.lastTransactionOn,
    analyzedAt: iso(row.analyzedAt),
    archivedAt: iso(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export type CustomerRowView = ReturnType<typeof presentCustomerRow>;

/** The short form of an analysis the profile carries. */
export function presentAnalysisSummary(row: AnalysisRecord) {
  return {
    id: toPublicId('analysis', row.id),
    createdAt: row.createdAt.toISOString(),
    transactionCount: row.transactionCount,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    persona: { ...personaRef(row.persona), reasons: row.personaReasons as PersonaReason[] },
    cravings: row.cravings as Craving[],
    drift: (row.drift as DriftResult | null) ?? null,
  };
}

/** A whole analysis, as the analyses history returns it. */
export function presentAnalysis(row: AnalysisRecord) {
  return {
    ...presentAnalysisSummary(row),
    engineVersion: row.engineVersion,
    profile: row.profile as Record<string, unknown>,
    // Each month's persona with its name, for the Drift tab's timeline.
    timeline: (row.timeline as TimelineMonth[]).map((month) => ({
      ...month,
      personaLabel: personaRef(month.persona).label,
    })),
  };
}

export function presentTransaction(row: TransactionRecord) {
  return {
    id: toPublicId('transaction', row.id),
    statementId: toPublicId('statement', row.statementId),
    bookedOn: row.bookedOn,
    amount: row.amount,
    currency: row.currency,
    description: row.description,
    counterparty: row.counterparty,
    channel: row.channel,
    category: row.category,
    categoryConfidence: row.categoryConfidence,
    categorySource: row.categorySource as CategorySource | null,
    partnerCategory: row.partnerCategory,
    mcc: row.mcc,
    partnerTransactionId: row.partnerTransactionId,
  };
}

export type TransactionView = ReturnType<typeof presentTransaction>;

/** What the audit trail keeps of a customer's editable details. */
export function auditedDetails(row: CustomerRecord) {
  return {
    displayName: row.displayName,
    birthYear: row.birthYear,
    gender: row.gender,
    region: row.region,
  };
}
