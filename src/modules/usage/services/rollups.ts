import { type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { LATENCY_BUCKET_BOUNDS_MS } from '../../logs/contract.js';
import { requestRollupsDay, requestRollupsHour } from '../schema.js';
import type { HourCounts } from './window.js';

/**
 * Which rollup rows a figure covers: the tenant's, in [from, to), optionally of one key. `grain`
 * `day` reads the day rollups (from and to must be UTC midnights): a 90-day view then merges 90
 * rows per series instead of 2,160.
 */
export interface RollupScope {
  from: Date;
  to: Date;
  keyId?: string;
  appId?: string;
  grain?: 'hour' | 'day';
}

type RollupTable = typeof requestRollupsHour;

function tableOf(scope: RollupScope): RollupTable {
  // Both tables have the same columns (logs/schema.ts builds them from one definition).
  return scope.grain === 'day' ? (requestRollupsDay as unknown as RollupTable) : requestRollupsHour;
}

function where(tx: TenantTx, scope: RollupScope): SQL {
  const r = tableOf(scope);
  const conditions = [
    sql`${r.tenantId} = ${tx.tenantId}`,
    sql`${r.bucket} >= ${scope.from.toISOString()}`,
    sql`${r.bucket} < ${scope.to.toISOString()}`,
  ];
  if (scope.keyId) conditions.push(sql`${r.keyId} = ${scope.keyId}`);
  if (scope.appId) conditions.push(sql`${r.appId} = ${scope.appId}`);
  return sql.join(conditions, sql` AND `);
}

const counts = (r: RollupTable) => sql`coalesce(sum(${r.requests}), 0)::bigint AS calls,
  coalesce(sum(${r.requests}) FILTER (WHERE ${r.statusClass} = 5), 0)::bigint AS errors,
  coalesce(sum(${r.requests}) FILTER (WHERE ${r.statusClass} = 4), 0)::bigint AS client_errors`;

/**
 * The latency buckets of the group's rows summed slot by slot, as one bigint[] (one pass, no
 * unnest: an unnest multiplies the rows by the number of slots), and the slowest request.
 */
const latency = (r: RollupTable) =>
  sql`ARRAY[${sql.join(
    Array.from(
      { length: LATENCY_BUCKET_BOUNDS_MS.length + 1 },
      (_, index) => sql`coalesce(sum(${r.latencyBuckets}[${sql.raw(String(index + 1))}]), 0)`,
    ),
    sql`, `,
  )}]::bigint[] AS latency_buckets, coalesce(max(${r.latencyMaxMs}), 0) AS latency_max_ms`;

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
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<CountRow>(
    sql`SELECT ${counts(r)} FROM ${r} WHERE ${where(tx, scope)}`,
  );
  return rows[0] ? toCounts(rows[0]) : { calls: 0, errors: 0, clientErrors: 0 };
}

/** Calls, 5xx and 4xx per hour (or day, by the scope's grain) that had traffic, oldest first. */
export async function hourlyCounts(tx: TenantTx, scope: RollupScope): Promise<HourCounts[]> {
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<CountRow & { bucket: string | Date }>(
    sql`SELECT ${r.bucket} AS bucket, ${counts(r)} FROM ${r} WHERE ${where(tx, scope)} GROUP BY 1 ORDER BY 1`,
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
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<LatencyRow & { current: boolean; members: string; keys: string }>(
    sql`SELECT ${r.bucket} >= ${splitAt.toISOString()} AS current, ${latency(r)},
               count(DISTINCT ${r.userId})::bigint AS members, count(DISTINCT ${r.keyId})::bigint AS keys
          FROM ${r} WHERE ${where(tx, scope)} GROUP BY 1`,
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
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<LatencyRow>(
    sql`SELECT ${latency(r)} FROM ${r} WHERE ${where(tx, scope)}`,
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
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<CountRow & LatencyRow & { method: string; route: string }>(
    sql`SELECT ${r.method} AS method, ${r.route} AS route, ${counts(r)}, ${latency(r)} FROM ${r}
         WHERE ${where(tx, scope)} GROUP BY 1, 2 ORDER BY calls DESC, 2, 1 LIMIT ${limit}`,
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
  const r = tableOf(scope);
  const { rows } = await tx.db.execute<CountRow & { key_id: string }>(
    sql`SELECT ${r.keyId} AS key_id, ${counts(r)} FROM ${r}
         WHERE ${where(tx, scope)} AND ${r.keyId} IS NOT NULL GROUP BY 1`,
  );
  return rows.map((row) => ({ keyId: row.key_id, ...toCounts(row) }));
}
