import type { TenantTx } from '../../../kernel/db/tenant.js';
import { AGE_BAND_SQL } from '../services/age-band.js';
import { personaLabel } from './labels.js';
import type { AnalyticsFilters } from './schemas.js';
import { customerConditions, historyOverlaps, resolveRange, SqlParams } from './sql-filters.js';

/** Without `from`, the persona timeline shows the 12 months up to `to` (a year, for the span check). */
const DEFAULT_TIMELINE_DAYS = 365;

interface GroupRow {
  persona: string | null;
  region: string | null;
  age_band: string | null;
  gender: string | null;
  /** GROUPING(region, age_band, gender): which grouping set the row belongs to. */
  grouping: number;
  customers: number;
}

// GROUPING() sets a bit for each column left out of the set: region 4, age band 2, gender 1.
const BY_PERSONA = 0b111;
const BY_REGION = 0b011;
const BY_AGE_BAND = 0b101;
const BY_GENDER = 0b110;

interface PersonaCount {
  key: string;
  label: string;
  count: number;
  share: number;
}

/** Counts per persona, largest first (ties by key), with their share of `total`. */
function personaCounts(counts: Map<string, number>, total: number): PersonaCount[] {
  return [...counts]
    .sort(([keyA, a], [keyB, b]) => b - a || keyA.localeCompare(keyB))
    .map(([key, count]) => ({ key, label: personaLabel(key), count, share: total ? count / total : 0 }));
}

function addTo<K>(map: Map<K, Map<string, number>>, group: K, persona: string, count: number) {
  const counts = map.get(group) ?? new Map<string, number>();
  counts.set(persona, (counts.get(persona) ?? 0) + count);
  map.set(group, counts);
}

function overlay(groups: Map<string | null, Map<string, number>>) {
  return [...groups]
    .map(([value, counts]) => {
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
      return { value, total, personas: personaCounts(counts, total) };
    })
    .sort((a, b) => b.total - a.total || String(a.value).localeCompare(String(b.value)));
}

/** `YYYY-MM` of every month from `from`'s to `to`'s, oldest first. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  let year = from.getUTCFullYear();
  let month = from.getUTCMonth();
  const lastYear = to.getUTCFullYear();
  const lastMonth = to.getUTCMonth();
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

/** The timeline's months: the range's, or the last 12 up to `to` (default now). */
function timelineMonths(filters: AnalyticsFilters, now: Date): string[] {
  const { from, to } = resolveRange(filters, now, DEFAULT_TIMELINE_DAYS);
  const end = new Date(to.getTime() - 1);
  const start = filters.from ? from : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  return monthsBetween(start, end);
}

/**
 * The persona distribution with its demographic overlays (one pass over the matching customers,
 * grouped four ways at once) and the contextual persona timeline (the month-by-month personas of
 * each matching customer's latest analysis, kept on the customer, counted per month).
 */
export async function getPersonaAnalytics(tx: TenantTx, filters: AnalyticsFilters, now: Date) {
  const params = new SqlParams(tx.tenantId);
  const where = [...customerConditions(params, filters), ...historyOverlaps(params, filters)];
  const { rows } = await tx.client.query<GroupRow>(
    `SELECT persona, region, age_band, gender,
            GROUPING(region, age_band, gender)::int AS grouping, count(*)::int AS customers
       FROM (SELECT c.persona, c.region, c.gender, ${AGE_BAND_SQL.replaceAll('birth_year', 'c.birth_year')} AS age_band
               FROM customers c WHERE ${where.join(' AND ')}) matching
      GROUP BY GROUPING SETS ((persona), (persona, region), (persona, age_band), (persona, gender))`,
    params.values,
  );

  const distribution = new Map<string, number>();
  const byRegion = new Map<string | null, Map<string, number>>();
  const byAgeBand = new Map<string | null, Map<string, number>>();
  const byGender = new Map<string | null, Map<string, number>>();
  let unanalysed = 0;
  for (const row of rows) {
    if (row.persona === null) {
      if (row.grouping === BY_PERSONA) unanalysed += row.customers;
      continue;
    }
    if (row.grouping === BY_PERSONA) distribution.set(row.persona, row.customers);
    else if (row.grouping === BY_REGION) addTo(byRegion, row.region, row.persona, row.customers);
    else if (row.grouping === BY_AGE_BAND) addTo(byAgeBand, row.age_band, row.persona, row.customers);
    else if (row.grouping === BY_GENDER) addTo(byGender, row.gender, row.persona, row.customers);
  }
  const total = [...distribution.values()].reduce((sum, count) => sum + count, 0);

  return {
    from: filters.from ? new Date(filters.from).toISOString() : null,
    to: (filters.to ? new Date(filters.to) : now).toISOString(),
    total,
    unanalysed,
    personas: personaCounts(distribution, total),
    overlays: { region: overlay(byRegion), ageBand: overlay(byAgeBand), gender: overlay(byGender) },
    timeline: await personaTimeline(tx, filters, timelineMonths(filters, now)),
  };
}

async function personaTimeline(tx: TenantTx, filters: AnalyticsFilters, months: string[]) {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const params = new SqlParams(tx.tenantId);
  const where = [...customerConditions(params, filters), 'c.persona IS NOT NULL'];
  // Each customer's month-by-month personas, copied from its latest analysis (customers.persona_months).
  const { rows } = await tx.client.query<{ month: string; persona: string; customers: number }>(
    `SELECT m.key AS month, m.value AS persona, count(*)::int AS customers
       FROM customers c
       CROSS JOIN LATERAL jsonb_each_text(coalesce(c.persona_months, '{}'::jsonb)) AS m
      WHERE ${where.join(' AND ')}
        AND m.key BETWEEN ${params.add(first)} AND ${params.add(last)}
      GROUP BY m.key, m.value`,
    params.values,
  );
  const byMonth = new Map<string, Map<string, number>>(months.map((month) => [month, new Map()]));
  for (const row of rows) byMonth.get(row.month)?.set(row.persona, row.customers);
  return months.map((month) => {
    const counts = byMonth.get(month) ?? new Map<string, number>();
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return { month, total, personas: personaCounts(counts, total) };
  });
}
