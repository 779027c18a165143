import { aggregate, type CurrencyHistory, emptyTotals, type MonthTotals, sumTotals } from './aggregate.js';
import { cravingProfile } from './cravings.js';
import { dayNumber, lastDayOf, monthRange } from './dates.js';
import { computeDrift } from './drift.js';
import { buildFeatures, DAYS_PER_MONTH, type Features, incomeRegularity, round } from './features.js';
import { choosePersona, THIN_MONTH_TRANSACTIONS, THIN_MONTHS, THIN_TRANSACTIONS } from './personas.js';
import type { CategorisedTransaction, CustomerAnalysis, SpendingProfile, TimelineMonth } from './types.js';
import { ENGINE_VERSION } from './version.js';

/**
 * Runs the engine over a customer's whole history, in any order: one pass aggregates the
 * transactions per currency and month, everything else works on those months. Amounts are in the
 * dominant currency (most transactions); rows in other currencies count in `transactionCount`
 * and the timeline's counts but not in any amount.
 */

const TOP_CATEGORIES = 5;
const NO_CURRENCY = 'XXX';

export interface AnalyzeOptions {
  /**
   * `YYYY-MM-DD`: the date the history is known to run to (the statement's period end, or the
   * analysis date). It tells the drift index whether the last month is complete; without it the
   * last transaction's date stands in. The engine never reads the clock itself.
   */
  asOf?: string;
}

export function analyzeCustomer(
  transactions: readonly CategorisedTransaction[],
  options: AnalyzeOptions = {},
): CustomerAnalysis {
  const aggregates = aggregate(transactions);
  const history = aggregates.dominant;
  const months =
    history === null ? [] : monthRange(history.firstDate.slice(0, 7), history.lastDate.slice(0, 7));
  const monthTotals = months.map((month) => history?.months.get(month) ?? { month, ...emptyTotals() });
  const span =
    history === null ? 0 : (dayNumber(history.lastDate) - dayNumber(history.firstDate) + 1) / DAYS_PER_MONTH;

  const features = buildFeatures(sumTotals(monthTotals), {
    currency: history?.currency ?? NO_CURRENCY,
    months: span,
    incomeRegularity: history === null ? 0 : incomeRegularity(fullMonthIncomes(history, monthTotals)),
  });
  // The thin-file check counts every transaction, whatever its currency.
  const overall: Features = { ...features, transactionCount: aggregates.transactionCount };
  const persona = choosePersona(overall, {
    months: span,
    minMonths: THIN_MONTHS,
    minTransactions: THIN_TRANSACTIONS,
  });

  return {
    engineVersion: ENGINE_VERSION,
    transactionCount: aggregates.transactionCount,
    periodStart: aggregates.firstDate,
    periodEnd: aggregates.lastDate,
    persona,
    cravings: cravingProfile(overall, span),
    profile: profile(features, months.length, monthTotals),
    drift: history === null ? null : computeDrift(history, options.asOf ?? history.lastDate),
    timeline: monthTotals.map((totals) => timelineMonth(totals, history, aggregates.countByMonth)),
  };
}

/**
 * Monthly income over the months the history covers completely, so a statement that starts
 * after payday or ends before it does not read as a missed salary. With fewer than two
 * complete months, every month counts.
 */
function fullMonthIncomes(history: CurrencyHistory, months: MonthTotals[]): number[] {
  const complete = months.filter(
    (totals) => `${totals.month}-01` >= history.firstDate && lastDayOf(totals.month) <= history.lastDate,
  );
  return (complete.length >= 2 ? complete : months).map((totals) => totals.income);
}

function profile(features: Features, monthCount: number, months: MonthTotals[]): SpendingProfile {
  const spendByCategory = sumTotals(months).spendByCategory;
  const topCategories = [...spendByCategory.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CATEGORIES)
    .map(([category, amount]) => ({
      category,
      share: round(features.spend > 0 ? amount / features.spend : 0, 4),
      amount: round(amount, 2),
    }));
  return {
    currency: features.currency,
    months: monthCount,
    monthlyIncome: round(features.monthlyIncome, 2),
    monthlySpend: round(features.monthlySpend, 2),
    savingsRate: features.savingsRate === null ? null : round(features.savingsRate, 4),
    incomeRegularity: round(features.incomeRegularity, 3),
    topCategories,
  };
}

function timelineMonth(
  totals: MonthTotals,
  history: CurrencyHistory | null,
  countByMonth: Map<string, number>,
): TimelineMonth {
  const features = buildFeatures(totals, {
    currency: history?.currency ?? NO_CURRENCY,
    months: 1,
    incomeRegularity: totals.income > 0 ? 1 : 0,
  });
  // A month is read on its own: thin when it holds few transactions, whatever came before.
  const persona = choosePersona(features, {
    months: 1,
    minMonths: 1,
    minTransactions: THIN_MONTH_TRANSACTIONS,
  });
  const categories: Record<string, number> = {};
  for (const [category, amount] of [...totals.spendByCategory.entries()].sort((a, b) => b[1] - a[1])) {
    categories[category] = round(totals.spend > 0 ? amount / totals.spend : 0, 4);
  }
  return {
    month: totals.month,
    persona: persona.key,
    transactionCount: countByMonth.get(totals.month) ?? 0,
    income: round(totals.income, 2),
    spend: round(totals.spend, 2),
    categories,
  };
}
