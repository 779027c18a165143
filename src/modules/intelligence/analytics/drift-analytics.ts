import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';
import type { DriftQuery } from './schemas.js';
import { customerConditions, resolveRange, SqlParams } from './sql-filters.js';

/** The range the drift timeline and feed cover when the query has no `from`. */
const DEFAULT_DAYS = 90;
/** Up to this many days the timeline counts per day; beyond, per ISO week (Monday, UTC). */
const DAILY_UP_TO_DAYS = 62;
const DAY_MS = 86_400_000;
/** The feed shows the categories that moved most, not the whole shift list. */
const SHIFTS_SHOWN = 3;
/** Both levels the feed and timeline report; the partial index `customer_analyses_drift_idx` holds exactly these. */
const FLAGGED = `a.drift_level IN ('moderate', 'alert')`;

interface AlertRow {
  id: string;
  customer_id: string;
  external_ref: string;
  display_name: string | null;
  persona: string;
  drift_level: 'moderate' | 'alert';
  drift_psi: number | null;
  drift: { jsDistance?: unknown; shifts?: unknown } | null;
  created_at: Date;
}

interface Shift {
  category: string;
  fromShare: number;
  toShare: number;
}

function topShifts(value: unknown): Shift[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (shift): shift is Shift =>
        typeof shift?.category === 'string' &&
        typeof shift.fromShare === 'number' &&
        typeof shift.toShare === 'number',
    )
    .slice(0, SHIFTS_SHOWN)
    .map(({ category, fromShare, toShare }) => ({ category, fromShare, toShare }));
}

/** Start of the UTC day or ISO week holding `at`. */
function bucketStart(at: Date, granularity: 'day' | 'week'): number {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  if (granularity === 'day') return day;
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return day - sinceMonday * DAY_MS;
}

/**
 * The drift picture of the matching customers: how many are at each level now, the moderate and
 * alert analyses per day or week of the range, and the alert feed (newest first, by cursor).
 */
export async function getDriftAnalytics(tx: TenantTx, query: DriftQuery, now: Date) {
  const range = resolveRange(query, now, DEFAULT_DAYS);
  const granularity = range.to.getTime() - range.from.getTime() <= DAILY_UP_TO_DAYS * DAY_MS ? 'day' : 'week';
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    current: await currentLevels(tx, query),
    granularity,
    timeline: await driftTimeline(tx, query, range, granularity),
    ...(await alertFeed(tx, query, range)),
  } as const;
}

async function currentLevels(tx: TenantTx, query: DriftQuery) {
  const params = new SqlParams(tx.tenantId);
  const { rows } = await tx.client.query<{
    none: number;
    moderate: number;
    alert: number;
    unmeasured: number;
  }>(
    `SELECT count(*) FILTER (WHERE c.drift_level = 'none')::int AS none,
            count(*) FILTER (WHERE c.drift_level = 'moderate')::int AS moderate,
            count(*) FILTER (WHERE c.drift_level = 'alert')::int AS alert,
            count(*) FILTER (WHERE c.drift_level IS NULL
                               OR c.drift_level NOT IN ('none', 'moderate', 'alert'))::int AS unmeasured
       FROM customers c WHERE ${customerConditions(params, query).join(' AND ')}`,
    params.values,
  );
  return rows[0] ?? { none: 0, moderate: 0, alert: 0, unmeasured: 0 };
}

async function driftTimeline(
  tx: TenantTx,
  query: DriftQuery,
  range: { from: Date; to: Date },
  granularity: 'day' | 'week',
) {
  const params = new SqlParams(tx.tenantId);
  const where = [
    ...customerConditions(params, query),
    FLAGGED,
    `a.created_at >= ${params.add(range.from.toISOString())}::timestamptz`,
    `a.created_at < ${params.add(range.to.toISOString())}::timestamptz`,
  ];
  const { rows } = await tx.client.query<{ bucket: Date; moderate: number; alert: number }>(
    `SELECT date_trunc('${granularity}', a.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
            count(*) FILTER (WHERE a.drift_level = 'moderate')::int AS moderate,
            count(*) FILTER (WHERE a.drift_level = 'alert')::int AS alert
       FROM customer_analyses a
       JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      WHERE a.tenant_id = $1 AND ${where.join(' AND ')}
      GROUP BY 1`,
    params.values,
  );
  const counts = new Map(rows.map((row) => [row.bucket.getTime(), row]));
  const step = granularity === 'day' ? DAY_MS : 7 * DAY_MS;
  const buckets = [];
  for (let at = bucketStart(range.from, granularity); at < range.to.getTime(); at += step) {
    const row = counts.get(at);
    buckets.push({
      bucket: new Date(at).toISOString(),
      moderate: row?.moderate ?? 0,
      alert: row?.alert ?? 0,
    });
  }
  return buckets;
}

function cursorId(cursor: string): string {
  const id = fromPublicId('analysis', cursor);
  if (id) return id;
  const message = 'Not a cursor this API returned; start again without one.';
  throw new ProblemError('validation_failed', `query.cursor: ${message}`, {
    errors: [{ path: 'query.cursor', message }],
  });
}

async function alertFeed(tx: TenantTx, query: DriftQuery, range: { from: Date; to: Date }) {
  const params = new SqlParams(tx.tenantId);
  const where = [
    ...customerConditions(params, query),
    FLAGGED,
    `a.created_at >= ${params.add(range.from.toISOString())}::timestamptz`,
    `a.created_at < ${params.add(range.to.toISOString())}::timestamptz`,
  ];
  if (query.level) where.push(`a.drift_level = ${params.add(query.level)}`);
  if (query.cursor) {
    // Keyset on (created_at, id): the cursor is the last analysis shown, so a page never repeats or skips one.
    where.push(
      `(a.created_at, a.id) < (SELECT b.created_at, b.id FROM customer_analyses b
                                WHERE b.tenant_id = $1 AND b.id = ${params.add(cursorId(query.cursor))}::uuid)`,
    );
  }
  const { rows } = await tx.client.query<AlertRow>(
    `SELECT a.id, a.customer_id, c.external_ref, c.display_name, a.persona, a.drift_level, a.drift_psi,
            a.drift, a.created_at
       FROM customer_analyses a
       JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
      WHERE a.tenant_id = $1 AND ${where.join(' AND ')}
      ORDER BY a.created_at DESC, a.id DESC
      LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    alerts: page.map((row) => ({
      id: toPublicId('analysis', row.id),
      customerId: toPublicId('customer', row.customer_id),
      externalRef: row.external_ref,
      displayName: row.display_name,
      persona: row.persona,
      level: row.drift_level,
      psi: row.drift_psi,
      jsDistance: typeof row.drift?.jsDistance === 'number' ? row.drift.jsDistance : null,
      shifts: topShifts(row.drift?.shifts),
      createdAt: row.created_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? toPublicId('analysis', last.id) : null,
  };
}
