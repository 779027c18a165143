import type { TenantTx } from '../../../kernel/db/tenant.js';
import { CRAVING_DRIVERS } from '../analysis/index.js';
import { leadingCravingSql } from '../services/leading-craving.js';
import { driverLabel } from './labels.js';
import type { AnalyticsFilters } from './schemas.js';
import { customerConditions, historyOverlaps, SqlParams } from './sql-filters.js';

/** Score buckets of the distribution: [0, 0.2), [0.2, 0.4), … [0.8, 1]. */
export const CRAVING_BUCKETS = 5;

/** The engine's drivers in the order the dashboard shows them; others found in the data follow. */
const DRIVER_ORDER: readonly string[] = CRAVING_DRIVERS;

interface DriverRow {
  driver: string;
  /** Null on the per-driver row; the bucket index on the per-bucket rows. */
  bucket: number | null;
  grouping: number;
  measured: number;
  needs_more_data: number;
  mean_score: number | null;
  mean_confidence: number | null;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

/**
 * Per craving driver: how many matching customers are measured or need more data, the mean score
 * and confidence of the measured ones, how their scores spread over five buckets, and for how many
 * it leads. Over the customers' copied craving profiles (`customers.cravings`), not the analyses.
 */
export async function getCravingAnalytics(tx: TenantTx, filters: AnalyticsFilters, now: Date) {
  const params = new SqlParams(tx.tenantId);
  const where = [
    ...customerConditions(params, filters),
    ...historyOverlaps(params, filters),
    `jsonb_typeof(c.cravings) = 'array'`,
  ];
  const matching = `FROM customers c WHERE ${where.join(' AND ')}`;
  const drivers = await tx.client.query<DriverRow>(
    `SELECT driver, bucket, GROUPING(bucket)::int AS grouping,
              count(*) FILTER (WHERE state = 'measured')::int AS measured,
              count(*) FILTER (WHERE state = 'needs_more_data')::int AS needs_more_data,
              avg(score) FILTER (WHERE state = 'measured') AS mean_score,
              avg(confidence) FILTER (WHERE state = 'measured') AS mean_confidence
         FROM (SELECT e.driver, e.state, e.score, e.confidence,
                      CASE WHEN e.state = 'measured' AND e.score IS NOT NULL
                           THEN least(greatest(floor(e.score * ${CRAVING_BUCKETS}), 0), ${CRAVING_BUCKETS - 1})::int
                      END AS bucket
                 FROM customers c
                 CROSS JOIN LATERAL jsonb_to_recordset(c.cravings)
                   AS e(driver text, score float8, confidence float8, state text)
                WHERE ${where.join(' AND ')} AND e.driver IS NOT NULL) scores
        GROUP BY GROUPING SETS ((driver), (driver, bucket))`,
    params.values,
  );
  const customers = await tx.client.query<{ customers: number }>(
    `SELECT count(*)::int AS customers ${matching}`,
    params.values,
  );
  const leading = await tx.client.query<{ driver: string; leading: number }>(
    `SELECT driver, count(*)::int AS leading
       FROM (SELECT ${leadingCravingSql('c.cravings')} AS driver ${matching}) led
      WHERE driver IS NOT NULL
      GROUP BY driver`,
    params.values,
  );

  const stats = new Map<string, ReturnType<typeof emptyDriver>>();
  for (const row of drivers.rows) {
    const entry = stats.get(row.driver) ?? emptyDriver(row.driver);
    stats.set(row.driver, entry);
    if (row.grouping === 1) {
      entry.measured = row.measured;
      entry.needsMoreData = row.needs_more_data;
      entry.meanScore = round(row.mean_score);
      entry.meanConfidence = round(row.mean_confidence);
    } else if (row.bucket !== null) {
      const bucket = entry.distribution[row.bucket];
      if (bucket) bucket.count = row.measured;
    }
  }
  for (const row of leading.rows) {
    const entry = stats.get(row.driver);
    if (entry) entry.leading = row.leading;
  }
  const rank = (driver: string) => {
    const index = DRIVER_ORDER.indexOf(driver);
    return index === -1 ? DRIVER_ORDER.length : index;
  };

  return {
    from: filters.from ? new Date(filters.from).toISOString() : null,
    to: (filters.to ? new Date(filters.to) : now).toISOString(),
    customers: customers.rows[0]?.customers ?? 0,
    drivers: [...stats.values()].sort(
      (a, b) => rank(a.driver) - rank(b.driver) || a.driver.localeCompare(b.driver),
    ),
  };
}

function emptyDriver(driver: string) {
  return {
    driver,
    label: driverLabel(driver),
    measured: 0,
    needsMoreData: 0,
    leading: 0,
    meanScore: null as number | null,
    meanConfidence: null as number | null,
    distribution: Array.from({ length: CRAVING_BUCKETS }, (_, index) => ({
      from: index / CRAVING_BUCKETS,
      to: (index + 1) / CRAVING_BUCKETS,
      count: 0,
    })),
  };
}
