import { ProblemError } from '../../../kernel/http/problem.js';
import { birthYearsOf } from '../services/age-band.js';
import { type AnalyticsFilters, MAX_RANGE_DAYS } from './schemas.js';

const DAY_MS = 86_400_000;

/** Positional parameters for one statement, `$1` being the tenant. */
export class SqlParams {
  readonly values: unknown[];
  constructor(tenantId: string) {
    this.values = [tenantId];
  }
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The WHERE conditions on the customers table (alias `c`) every analytics query shares: the
 * tenant (row-level security repeats it), customers that still count (not archived, not merged
 * into another), and the filter bar's demographics and persona. The age band becomes a
 * `birth_year` range so it compares a column instead of computing every row's age.
 */
export function customerConditions(
  params: SqlParams,
  filters: Pick<AnalyticsFilters, 'region' | 'gender' | 'ageBand' | 'persona'>,
): string[] {
  const where = ['c.tenant_id = $1', 'c.archived_at IS NULL', 'c.merged_into_id IS NULL'];
  if (filters.region) where.push(`c.region = ${params.add(filters.region)}`);
  if (filters.gender) where.push(`c.gender = ${params.add(filters.gender)}`);
  if (filters.persona) where.push(`c.persona = ${params.add(filters.persona)}`);
  if (filters.ageBand) {
    const years = birthYearsOf(filters.ageBand);
    where.push(`c.birth_year BETWEEN ${params.add(years.from)} AND ${params.add(years.to)}`);
  }
  return where;
}

/** The UTC calendar days a `[from, to)` range touches, for date columns. */
export function daysOf(range: { from: Date; to: Date }): { fromDay: string; toDay: string } {
  return {
    fromDay: range.from.toISOString().slice(0, 10),
    toDay: new Date(Math.max(range.from.getTime(), range.to.getTime() - 1)).toISOString().slice(0, 10),
  };
}

/**
 * Customers whose history overlaps the range (first transaction before its end, last one after
 * its start): how persona and craving figures honour the time filter, from two columns of the
 * row. Without `from` or `to` in the query, no time condition.
 */
export function historyOverlaps(
  params: SqlParams,
  filters: { from?: string | undefined; to?: string | undefined },
): string[] {
  const where: string[] = [];
  if (filters.from) {
    where.push(
      `c.last_transaction_on >= ${params.add(new Date(filters.from).toISOString().slice(0, 10))}::date`,
    );
  }
  if (filters.to) {
    const lastDay = new Date(Date.parse(filters.to) - 1).toISOString().slice(0, 10);
    where.push(`c.first_transaction_on <= ${params.add(lastDay)}::date`);
  }
  return where;
}

/**
 * The range a query asked for: `to` defaults to now, `from` to `defaultDays` before `to`. The
 * schema checks a range given whole; one end given alone is checked here against the default
 * of the other, so a timeline never grows past `MAX_RANGE_DAYS`.
 */
export function resolveRange(
  filters: { from?: string | undefined; to?: string | undefined },
  now: Date,
  defaultDays: number,
): { from: Date; to: Date } {
  const to = filters.to ? new Date(filters.to) : now;
  const from = filters.from ? new Date(filters.from) : new Date(to.getTime() - defaultDays * DAY_MS);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    const message = `The range may span at most ${MAX_RANGE_DAYS} days.`;
    throw new ProblemError('validation_failed', `query.from: ${message}`, {
      errors: [{ path: 'query.from', message }],
    });
  }
  return { from, to };
}
