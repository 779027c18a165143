/**
 * The analysis engine's vocabulary. Everything in `analysis/` is pure (no I/O, no clock unless
 * passed in): the ingestion service categorises rows with it, the analysis job runs it over a
 * customer's history, and the API and dashboard present what it returns. The method is written
 * up for analysts in docs/modules/intelligence.md.
 */

/** A row as the partner sent it (after validation), before categorisation. */
export interface RawTransaction {
  /** `YYYY-MM-DD`. */
  bookedOn: string;
  /** Signed: money in is positive, money out negative. */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
  description: string;
  counterparty: string | null;
  /** Free text such as `card`, `transfer`, `direct_debit`, `cash`, `atm`, `online`, `mobile`. */
  channel: string | null;
  /** The partner's own category, if it sent one (mapped onto the taxonomy when it can be). */
  partnerCategory: string | null;
  /** ISO 18245 merchant category code, four digits. */
  mcc: string | null;
}

/** How the categoriser reached its answer, strongest first. */
export type CategorySource = 'mcc' | 'partner' | 'rule' | 'keyword' | 'fallback';

export interface Categorised {
  /** A key of the taxonomy (`CATEGORIES`), e.g. `groceries`. */
  category: string;
  /** 0…1: how sure the categoriser is. */
  confidence: number;
  source: CategorySource;
}

/** A stored transaction with its category: what the analysis reads. */
export interface CategorisedTransaction extends RawTransaction, Categorised {}

export type DriftLevel = 'none' | 'moderate' | 'alert';

export interface PersonaReason {
  /** Stable machine code, e.g. `high_gambling_share`. */
  code: string;
  /** One sentence an analyst reads, with the figures, e.g. "Gambling is 18 % of spending (population threshold 5 %)". */
  text: string;
  /** How much it counted towards the persona, 0…1. */
  weight: number;
}

export type CravingDriver = 'convenience' | 'security' | 'status' | 'experience' | 'savings' | 'social';

export interface Craving {
  driver: CravingDriver;
  /** 0…1: how strongly the behaviour shows this driver. */
  score: number;
  /** 0…1: low when the history is thin. */
  confidence: number;
  /** `needs_more_data` when the history is too thin for any score to mean much. */
  state: 'measured' | 'needs_more_data';
  /** Why, in sentences with figures. */
  evidence: string[];
}

export interface CategoryShare {
  category: string;
  /** Share of the period's spending (outflows), 0…1. */
  share: number;
  /** Absolute amount in the profile currency. */
  amount: number;
}

export interface SpendingProfile {
  /** The customer's dominant currency; amounts below are in it (other currencies are left out). */
  currency: string;
  months: number;
  monthlyIncome: number;
  monthlySpend: number;
  /** (income − spend) / income, null without income. */
  savingsRate: number | null;
  /** 0…1: how regular the income is (a monthly salary ≈ 1). */
  incomeRegularity: number;
  topCategories: CategoryShare[];
}

export interface Period {
  start: string;
  end: string;
}

export interface DriftResult {
  /** Population stability index over the category distribution of spending. */
  psi: number;
  /** Jensen–Shannon distance (base 2, so 0…1). */
  jsDistance: number;
  /** PSI > 0.25 is `alert`, 0.1–0.25 `moderate`, below `none`. */
  level: DriftLevel;
  from: Period;
  to: Period;
  /** The categories that moved most, largest move first. */
  shifts: { category: string; fromShare: number; toShare: number }[];
}

export interface TimelineMonth {
  /** `YYYY-MM`. */
  month: string;
  persona: string;
  transactionCount: number;
  income: number;
  spend: number;
  /** Share of the month's spending per category. */
  categories: Record<string, number>;
}

export interface CustomerAnalysis {
  engineVersion: string;
  transactionCount: number;
  periodStart: string | null;
  periodEnd: string | null;
  persona: { key: string; label: string; reasons: PersonaReason[] };
  cravings: Craving[];
  profile: SpendingProfile;
  /** Null with fewer than two periods to compare. */
  drift: DriftResult | null;
  timeline: TimelineMonth[];
}
