import { type CurrencyHistory, sumTotals, type Totals } from './aggregate.js';
import { addMonths, dayNumber, firstDayOf, lastDayOf } from './dates.js';
import { round } from './features.js';
import type { DriftLevel, DriftResult } from './types.js';

/**
 * Drift: how much the category distribution of spending moved between two consecutive periods.
 *
 * Periods are calendar months, so monthly bills (rent, utilities, subscriptions) fall in every
 * period once — 30-day windows anchored on the last transaction drop or double a bill whenever
 * months have 31 days, which reads as drift that is not there. The `to` period is the last
 * complete month — the month of `asOf` (the date the history is known to run to: the statement's
 * end, or the analysis date; the last transaction when not given) if `asOf` is within
 * `COMPLETE_SLACK_DAYS` of its end, otherwise the month before — and `from` the month before it. When either holds fewer than
 * `MIN_PERIOD_TRANSACTIONS` spending transactions both widen to two months, then three; past
 * that, or before the history began, there is no drift (null).
 */

export const DRIFT_EPSILON = 0.001;
export const PSI_MODERATE = 0.1;
export const PSI_ALERT = 0.25;
export const MIN_PERIOD_TRANSACTIONS = 8;
const COMPLETE_SLACK_DAYS = 7;
const MAX_PERIOD_MONTHS = 3;
const MAX_SHIFTS = 5;
const MIN_SHIFT = 0.01;

/** Adds `epsilon` to every share and renormalises, so an empty category has a small, finite share. */
function smooth(shares: readonly number[], epsilon: number): number[] {
  const total = shares.reduce((sum, value) => sum + value, 0) + epsilon * shares.length;
  return shares.map((value) => (value + epsilon) / total);
}

/** PSI = Σ (q − p) · ln(q / p) over the smoothed distributions `p` (from) and `q` (to). */
export function populationStabilityIndex(
  from: readonly number[],
  to: readonly number[],
  epsilon = DRIFT_EPSILON,
): number {
  const p = smooth(from, epsilon);
  const q = smooth(to, epsilon);
  let psi = 0;
  p.forEach((fromShare, index) => {
    const toShare = q[index] ?? 0;
    psi += (toShare - fromShare) * Math.log(toShare / fromShare);
  });
  return psi;
}

/**
 * Jensen–Shannon distance, base 2 (0…1): √(½ KL(p‖m) + ½ KL(q‖m)) with m = (p + q) / 2.
 * Well defined with empty categories (0 · log 0 = 0), so it needs no smoothing.
 */
export function jensenShannonDistance(from: readonly number[], to: readonly number[]): number {
  const fromTotal = from.reduce((sum, value) => sum + value, 0);
  const toTotal = to.reduce((sum, value) => sum + value, 0);
  let divergence = 0;
  from.forEach((fromValue, index) => {
    const p = fromTotal > 0 ? fromValue / fromTotal : 0;
    const q = toTotal > 0 ? (to[index] ?? 0) / toTotal : 0;
    const m = (p + q) / 2;
    if (p > 0) divergence += 0.5 * p * Math.log2(p / m);
    if (q > 0) divergence += 0.5 * q * Math.log2(q / m);
  });
  return Math.sqrt(Math.max(0, Math.min(1, divergence)));
}

export function driftLevel(psi: number): DriftLevel {
  if (psi > PSI_ALERT) return 'alert';
  if (psi >= PSI_MODERATE) return 'moderate';
  return 'none';
}

function periodTotals(history: CurrencyHistory, first: string, last: string): Totals {
  const parts: Totals[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) {
    const totals = history.months.get(month);
    if (totals !== undefined) parts.push(totals);
  }
  return sumTotals(parts);
}

export function lastCompleteMonth(asOf: string): string {
  const month = asOf.slice(0, 7);
  const complete = dayNumber(asOf) >= dayNumber(lastDayOf(month)) - COMPLETE_SLACK_DAYS;
  return complete ? month : addMonths(month, -1);
}

export function computeDrift(history: CurrencyHistory, asOf: string): DriftResult | null {
  const firstMonth = history.firstDate.slice(0, 7);
  const toLast = lastCompleteMonth(asOf > history.lastDate ? asOf : history.lastDate);
  for (let width = 1; width <= MAX_PERIOD_MONTHS; width++) {
    const toFirst = addMonths(toLast, -(width - 1));
    const fromLast = addMonths(toFirst, -1);
    const fromFirst = addMonths(fromLast, -(width - 1));
    if (fromFirst < firstMonth) return null;
    const from = periodTotals(history, fromFirst, fromLast);
    const to = periodTotals(history, toFirst, toLast);
    if (from.spendCount < MIN_PERIOD_TRANSACTIONS || to.spendCount < MIN_PERIOD_TRANSACTIONS) continue;
    return compare(from, to, {
      from: { start: firstDayOf(fromFirst), end: lastDayOf(fromLast) },
      to: { start: firstDayOf(toFirst), end: lastDayOf(toLast) },
    });
  }
  return null;
}

function compare(from: Totals, to: Totals, periods: Pick<DriftResult, 'from' | 'to'>): DriftResult {
  const categories = [...new Set([...from.spendByCategory.keys(), ...to.spendByCategory.keys()])].sort();
  const fromShares = categories.map((category) => (from.spendByCategory.get(category) ?? 0) / from.spend);
  const toShares = categories.map((category) => (to.spendByCategory.get(category) ?? 0) / to.spend);
  const psi = populationStabilityIndex(fromShares, toShares);
  const shifts = categories
    .map((category, index) => ({
      category,
      fromShare: fromShares[index] ?? 0,
      toShare: toShares[index] ?? 0,
    }))
    .filter((shift) => Math.abs(shift.toShare - shift.fromShare) >= MIN_SHIFT)
    .sort((a, b) => Math.abs(b.toShare - b.fromShare) - Math.abs(a.toShare - a.fromShare))
    .slice(0, MAX_SHIFTS)
    .map((shift) => ({ ...shift, fromShare: round(shift.fromShare, 4), toShare: round(shift.toShare, 4) }));
  return {
    psi: round(psi, 4),
    jsDistance: round(jensenShannonDistance(fromShares, toShares), 4),
    level: driftLevel(psi),
    ...periods,
    shifts,
  };
}
