import { type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { LATENCY_BUCKET_BOUNDS_MS } from '../../logs/contract.js';
import type { HourCounts } from './window.js';

/**
 * Which rollup rows a figure covers: the tenant's, in [from, to), optionally of one key or app.
 * `grain` `day` reads the day rollups (from and to must be UTC midnights): a 90-day view then
 * merges 90 rows per series instead of 2,160.
 */
export interface RollupScope {
  from: Date;
  to: Date;
  keyId?: string;
  appId?: string;
  grain?: 'hour' | 'day';
}

const DAY_MS = 86_400_000;
const COLUMNS = `bucket, app_id, key_id, user_id, method, route, status_class, requests,
  latency_max_ms, latency_buckets`;

interface Segment {
  table: 'request_rollups_hour' | 'request_rollups_day';
  from: number;
  to: number;
}

/**
 * An hourly scope split so that whole UTC days are read from the day rollups and only the partial
 * days at the edges from the hour rollups: a 7-day figure then merges about 50 hour rows and 6 day
 * rows per grouping instead of 168 hour rows. `cuts` are instants no day may straddle (the start
 * of the current period when one query sums two periods).
 */
export function segmentsOf(scope: RollupScope, cuts: readonly Date[]): Segment[] {
  if (scope.grain === 'day') {
    return [{ table: 'request_rollups_day', from: scope.from.getTime(), to: scope.to.getTime() }];
  }
  const bounds = [scope.from, ...cuts, scope.to]
    .map((date) => date.getTime())
    .filter((at) => at >= scope.from.getTime() && at <= scope.to.getTime())
    .sort((a, b) => a - b);
  const segments: Segment[] = [];
  const hours = (from: number, to: number) => {
    if (to > from) segments.push({ table: 'request_rollups_hour', from, to });
  };
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index] as number;
    const to = bounds[index + 1] as number;
    const firstMidnight = Math.ceil(from / DAY_MS) * DAY_MS;
    const lastMidnight = Math.floor(to / DAY_MS) * DAY_MS;
    if (lastMidnight - firstMidnight < DAY_MS) {
      hours(from, to);
      continue;
    }
    hours(from, firstMidnight);
    segments.push({ table: 'request_rollups_day', from: firstMidnight, to: lastMidnight });
    hours(lastMidnight, to);
  }
  return segments;
}

/**
 * The scope's rows as the relation `r`. Sums over the whole scope may read day rows for whole days
 * (`wholeDays`); a series per hour must not.
 */
function rowsOf(
  tx: TenantTx,
  scope: RollupScope,
  options: { wholeDays: boolean; cuts?: readonly Date[] },
): SQL {
  const segments = options.wholeDays
    ? segmentsOf(scope, options.cuts ?? [])
    : [
        {
          table: scope.grain === 'day' ? 'request_rollups_day' : 'request_rollups_hour',
          from: scope.from.getTime(),
          to: scope.to.getTime(),
        } satisfies Segment,
      ];
  const selects = segments.map((segment) => {
    const conditions = [
      sql`tenant_id = ${tx.tenantId}`,
      sql`bucket >= ${new Date(segment.from).toISOString()}`,
      sql`bucket < ${new Date(segment.to).toISOString()}`,
    ];
    if (scope.keyId) conditions.push(sql`key_id = ${scope.keyId}`);
    if (scope.appId) conditions.push(sql`app_id = ${scope.appId}`);
    return sql`SELECT ${sql.raw(COLUMNS)} FROM ${sql.raw(segment.table)} WHERE ${sql.join(conditions, sql` AND `)}`;
  });
  return sql`(${sql.join(selects, sql` UNION ALL `)}) AS r`;
}

const counts = sql`coalesce(sum(r.requests), 0)::bigint AS calls,
  coalesce(sum(r.requests) FILTER (WHERE r.status_class = 5), 0)::bigint AS errors,
  coalesce(sum(r.requests) FILTER (WHERE r.status_class = 4), 0)::bigint AS client_errors`;

/**
 * The latency buckets of the group's rows summed slot by slot, as one bigint[] (one pass, no
 * unnest: an unnest multiplies the rows by the number of slots), and the slowest request.
 */
const latency = sql`ARRAY[${sql.join(
  Array.from(
    { length: LATENCY_BUCKET_BOUNDS_MS.length + 1 },
    (_, index) => sql`coalesce(sum(r.latency_buckets[${sql.raw(String(index + 1))}]), 0)`,
  ),
  sql`, `,
)}]::bigint[] AS latency_buckets, coalesce(max(r.latency_max_ms), 0) AS latency_max_ms`;

type CountRow = { calls: string; errors: string; client_errors: string };
type LatencyRow = { latency_buckets: (string | number)[]; latency_max_ms: number | string };

function toCounts(row: CountRow) {
  return { calls: Number(row.calls), errors: Number(row.errors), clientErrors: Number(row.client_errors) };
}

export interface LatencyHistogram {
  counts: number[];
  maxMs: number;
}

function toLatency(row: LatencyRow | undefined): LatencyHistogram {
  return {
    counts: (row?.latency_buckets ?? []).map(Number),
    maxMs: Number(row?.latency_max_ms ?? 0),
  };
}

/** Calls, 5xx and 4xx in scope, all summed. */
export async function totalCounts(
  tx: TenantTx,
  scope: RollupScope,
): Promise<{ calls: number; errors: number; clientErrors: number }> {
  const { rows } = await tx.db.execute<CountRow>(
    sql`SELECT ${counts} FROM ${rowsOf(tx, scope, { wholeDays: true })}`,
  );
  return rows[0] ? toCounts(rows[0]) : { calls: 0, errors: 0, clientErrors: 0 };
}

/** Calls, 5xx and 4xx per hour (or day, by the scope's grain) that had traffic, oldest first. */
export async function hourlyCounts(tx: TenantTx, scope: RollupScope): Promise<HourCounts[]> {
  const { rows } = await tx.db.execute<CountRow & { bucket: string | Date }>(
    sql`SELECT r.bucket AS bucket, ${counts} FROM ${rowsOf(tx, scope, { wholeDays: false })} GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((row) => ({ bucket: new Date(row.bucket), ...toCounts(row) }));
}

export interface PeriodFigures {
  latency: LatencyHistogram;
  /** Distinct members and distinct keys with requests. */
  members: number;
  keys: number;
}

/**
 * Merged latency and active seats of the scope, split at `splitAt`: the rows before it (the
 * previous period) and from it on (the current one), in one pass.
 */
export async function periodFigures(
  tx: TenantTx,
  scope: RollupScope,
  splitAt: Date,
): Promise<{ current: PeriodFigures; previous: PeriodFigures }> {
  const { rows } = await tx.db.execute<LatencyRow & { current: boolean; members: string; keys: string }>(
    sql`SELECT r.bucket >= ${splitAt.toISOString()} AS current, ${latency},
               count(DISTINCT r.user_id)::bigint AS members, count(DISTINCT r.key_id)::bigint AS keys
          FROM ${rowsOf(tx, scope, { wholeDays: true, cuts: [splitAt] })} GROUP BY 1`,
  );
  const figures = (row: (typeof rows)[number] | undefined): PeriodFigures => ({
    latency: toLatency(row),
    members: Number(row?.members ?? 0),
    keys: Number(row?.keys ?? 0),
  });
  return {
    current: figures(rows.find((row) => row.current)),
    previous: figures(rows.find((row) => !row.current)),
  };
}

/** The merged latency buckets of every rollup row in scope. */
export async function mergedLatency(tx: TenantTx, scope: RollupScope): Promise<LatencyHistogram> {
  const { rows } = await tx.db.execute<LatencyRow>(
    sql`SELECT ${latency} FROM ${rowsOf(tx, scope, { wholeDays: true })}`,
  );
  return toLatency(rows[0]);
}

export interface EndpointCounts {
  method: string;
  route: string;
  calls: number;
  errors: number;
  clientErrors: number;
  latency: LatencyHistogram;
}

/** The routes with the most calls in scope, busiest first, each with its merged latency buckets. */
export async function endpointCounts(
  tx: TenantTx,
  scope: RollupScope,
  limit: number,
): Promise<EndpointCounts[]> {
  const { rows } = await tx.db.execute<CountRow & LatencyRow & { method: string; route: string }>(
    sql`SELECT r.method AS method, r.route AS route, ${counts}, ${latency}
          FROM ${rowsOf(tx, scope, { wholeDays: true })}
         GROUP BY 1, 2 ORDER BY calls DESC, 2, 1 LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    method: row.method,
    route: row.route,
    ...toCounts(row),
    latency: toLatency(row),
  }));
}

export interface KeyCounts {
  keyId: string;
  calls: number;
  errors: number;
  clientErrors: number;
}

/** Calls per key in scope (keys without calls are absent). */
export async function countsPerKey(tx: TenantTx, scope: RollupScope): Promise<KeyCounts[]> {
  const { rows } = await tx.db.execute<CountRow & { key_id: string }>(
    sql`SELECT r.key_id AS key_id, ${counts} FROM ${rowsOf(tx, scope, { wholeDays: true })}
         WHERE r.key_id IS NOT NULL GROUP BY 1`,
  );
  return rows.map((row) => ({ keyId: row.key_id, ...toCounts(row) }));
}
