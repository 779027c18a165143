import type { Totals } from './aggregate.js';

/**
 * The figures the persona rules and craving scores read, derived from totals over a span of
 * months. Shares are of spending (outflows of spend categories); ratios "of income" are of money
 * in with an income category.
 */
export interface Features {
  currency: string;
  /** Length of the span in months (days / 30.44, at least 1): the divisor of every monthly figure. */
  months: number;
  transactionCount: number;
  income: number;
  spend: number;
  monthlyIncome: number;
  monthlySpend: number;
  /** (income − spend) / income, null without income. */
  savingsRate: number | null;
  /** Net money put into savings and investments, as a share of income; null without income. */
  savingsContribution: number | null;
  incomeRegularity: number;
  incomeCreditsPerMonth: number;
  /** Share of outflows made online or on mobile. */
  digitalShare: number;
  transfersOutPerMonth: number;
  /** Transfers received (family support, own accounts): not income, but money to live on. */
  transfersIn: number;
  spendShare(category: string): number;
  /** Amount spent in a category, per month. */
  spendPerMonth(category: string): number;
  /** Number of outflows in a category, per month. */
  countPerMonth(category: string): number;
  /** Share of income from an income category. */
  incomeShare(category: string): number;
}

export const DAYS_PER_MONTH = 30.4375;

export function buildFeatures(
  totals: Totals,
  options: { currency: string; months: number; incomeRegularity: number },
): Features {
  const months = Math.max(1, options.months);
  const { income, spend } = totals;
  return {
    currency: options.currency,
    months,
    transactionCount: totals.count,
    income,
    spend,
    monthlyIncome: income / months,
    monthlySpend: spend / months,
    savingsRate: income > 0 ? (income - spend) / income : null,
    savingsContribution: income > 0 ? Math.max(0, totals.savingsOut - totals.savingsIn) / income : null,
    incomeRegularity: options.incomeRegularity,
    incomeCreditsPerMonth: totals.incomeCredits / months,
    digitalShare: totals.outflowCount > 0 ? totals.digitalOutflowCount / totals.outflowCount : 0,
    transfersOutPerMonth: totals.transfersOutCount / months,
    transfersIn: totals.transfersIn,
    spendShare: (category) => (spend > 0 ? (totals.spendByCategory.get(category) ?? 0) / spend : 0),
    spendPerMonth: (category) => (totals.spendByCategory.get(category) ?? 0) / months,
    countPerMonth: (category) => (totals.spendCountByCategory.get(category) ?? 0) / months,
    incomeShare: (category) => (income > 0 ? (totals.incomeByCategory.get(category) ?? 0) / income : 0),
  };
}

/**
 * 0…1: the share of months with income times one minus the coefficient of variation of the
 * monthly income (capped at 1). A salary of the same amount every month scores 1; income in
 * half the months, or swinging by its own size, scores 0.5 or less.
 */
export function incomeRegularity(monthlyIncomes: readonly number[]): number {
  if (monthlyIncomes.length === 0) return 0;
  const paid = monthlyIncomes.filter((value) => value > 0);
  if (paid.length === 0) return 0;
  const coverage = paid.length / monthlyIncomes.length;
  const mean = paid.reduce((sum, value) => sum + value, 0) / paid.length;
  const variance = paid.reduce((sum, value) => sum + (value - mean) ** 2, 0) / paid.length;
  const variation = Math.min(1, Math.sqrt(variance) / mean);
  return coverage * (1 - variation);
}

/** Income bands per currency, for the rules that need an absolute level (monthly income). */
const INCOME_BANDS: Record<string, { low: number; high: number }> = {
  KES: { low: 25_000, high: 300_000 },
  UGX: { low: 700_000, high: 9_000_000 },
  TZS: { low: 450_000, high: 6_000_000 },
  NGN: { low: 150_000, high: 2_500_000 },
  GBP: { low: 1_200, high: 6_000 },
  EUR: { low: 1_300, high: 7_000 },
  USD: { low: 1_500, high: 8_000 },
};

export function incomeBand(currency: string): { low: number; high: number } | null {
  return INCOME_BANDS[currency] ?? null;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

export function money(value: number, currency: string): string {
  return `${currency} ${Math.round(value).toLocaleString('en-GB')}`;
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
