import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { PoolClient } from '../../../kernel/db/pool.js';
import type { CapturedRequest } from './entry.js';
import type { Redactor } from './redact.js';
import {
  aggregateRollups,
  coarsenRollups,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  type Rollup,
  type RollupInput,
} from './rollup.js';

type Queryable = Pick<PoolClient, 'query'>;

/** A captured request ready to store: its COPY line (redacted, serialised) and what the rollups count. */
export interface PreparedRow extends RollupInput {
  /**
   * The line as UTF-8 bytes, newline included. Bytes rather than the string built for them: a row
   * waits in the buffer for up to a flush interval, and a concatenated string is a tree of pieces
   * that every minor GC on the way copies piece by piece, where a buffer's bytes live off the heap.
   */
  line: Buffer;
}

/**
 * Redacts and serialises a captured request into its row. Throws when the entry cannot be
 * serialised (a body JSON cannot represent); nothing else about the batch depends on it.
 */
export function prepareRow(entry: CapturedRequest, redactor: Redactor): PreparedRow {
  return {
    tenantId: entry.tenantId,
    createdAt: entry.createdAt,
    appId: entry.appId,
    keyId: entry.keyId,
    userId: entry.userId,
    method: entry.method,
    route: entry.route,
    status: entry.status,
    latencyMs: entry.latencyMs,
    line: Buffer.from(`${copyLine(entry, redactor)}\n`),
  };
}

/**
 * Writes a batch: the day partitions it needs, the rows (COPY), and the minute, hour and day rollups,
 * all in the caller's transaction so a failed flush leaves neither half.
 */
export async function persistBatch(
  client: PoolClient,
  batch: readonly PreparedRow[],
  knownDays: Set<string>,
): Promise<void> {
  await ensurePartitions(client, batch, knownDays);
  await insertRows(client, batch);
  // Minutes from the requests, hours from the minutes, days from the hours: one pass over the batch.
  const minutes = aggregateRollups(batch, MINUTE_MS);
  const hours = coarsenRollups(minutes, HOUR_MS);
  await upsertRollups(client, 'request_rollups_minute', minutes);
  await upsertRollups(client, 'request_rollups_hour', hours);
  await upsertRollups(client, 'request_rollups_day', coarsenRollups(hours, DAY_MS));
}

/** Creates the day partitions a batch falls in (once per process per day; the function is idempotent). */
export async function ensurePartitions(
  client: Queryable,
  batch: readonly { createdAt: Date }[],
  knownDays: Set<string>,
): Promise<void> {
  const days = new Set(batch.map((entry) => entry.createdAt.toISOString().slice(0, 10)));
  for (const day of days) {
    if (knownDays.has(day)) continue;
    await client.query('SELECT atrium_request_log_partition($1::date)', [day]);
    knownDays.add(day);
  }
}

const COLUMNS = [
  ['id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['created_at', 'timestamptz'],
  ['app_id', 'uuid'],
  ['key_id', 'uuid'],
  ['user_id', 'uuid'],
  ['request_id', 'text'],
  ['surface', 'text'],
  ['method', 'text'],
  ['path', 'text'],
  ['route', 'text'],
  ['status', 'smallint'],
  ['latency_ms', 'real'],
  ['ip', 'text'],
  ['user_agent', 'text'],
  ['request_headers', 'jsonb'],
  ['response_headers', 'jsonb'],
  ['request_body', 'text'],
  ['response_body', 'text'],
] as const;

const COPY_ROWS = `COPY request_logs (${COLUMNS.map(([name]) => name).join(', ')}) FROM STDIN`;

/**
 * The rows through COPY (text format): PostgreSQL's bulk path, several times faster than an
 * INSERT of the same rows, and the parent table routes each row to its day partition.
 */
async function insertRows(client: PoolClient, batch: readonly PreparedRow[]): Promise<void> {
  const copy = client.query(copyFrom(COPY_ROWS));
  await pipeline(Readable.from([Buffer.concat(batch.map((row) => row.line))]), copy);
}

/** One row in COPY's text format, by concatenation: this runs for every request the platform serves. */
function copyLine(entry: CapturedRequest, redactor: Redactor): string {
  return (
    `${entry.id}\t${entry.tenantId}\t${entry.createdAt.toISOString()}\t${copyField(entry.appId)}\t` +
    `${copyField(entry.keyId)}\t${copyField(entry.userId)}\t${copyField(entry.requestId)}\t${entry.surface}\t` +
    `${copyField(entry.method)}\t${copyField(redactor.text(entry.path))}\t${copyField(entry.route)}\t${entry.status}\t` +
    `${entry.latencyMs}\t${copyField(entry.ip)}\t${copyField(entry.userAgent)}\t` +
    `${copyField(entry.requestHeaders ? JSON.stringify(redactor.headers(entry.requestHeaders)) : null)}\t` +
    `${copyField(entry.responseHeaders ? JSON.stringify(redactor.headers(entry.responseHeaders)) : null)}\t` +
    `${copyField(redactor.body(entry.requestBody))}\t${copyField(redactor.body(entry.responseBody))}`
  );
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: \N for null; backslash, newline, CR and tab escaped. */
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\n\r\t]/.test(value)
    ? value.replace(/[\\\n\r\t]/g, (char) => COPY_ESCAPES[char] as string)
    : value;
}

/**
 * Adds the batch's counts to the rollups. Latency buckets travel as comma-separated text (unnest
 * would flatten a two-dimensional array) and are added element-wise on conflict.
 */
export async function upsertRollups(
  client: Queryable,
  table: 'request_rollups_minute' | 'request_rollups_hour' | 'request_rollups_day',
  unordered: readonly Rollup[],
): Promise<void> {
  if (unordered.length === 0) return;
  // One order for every process, so two flushes touching the same rows cannot deadlock.
  const rollups = [...unordered].sort((a, b) => rollupOrder(a).localeCompare(rollupOrder(b)));
  await client.query(
    `INSERT INTO ${table} AS r (tenant_id, bucket, app_id, key_id, user_id, method, route, status_class,
        requests, latency_sum_ms, latency_max_ms, latency_buckets)
      SELECT t, b, a, k, u, m, ro, s, n, su, mx, string_to_array(bk, ',')::int[]
        FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[],
                    $8::smallint[], $9::int[], $10::float8[], $11::real[], $12::text[])
          AS x(t, b, a, k, u, m, ro, s, n, su, mx, bk)
      ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET
        requests = r.requests + excluded.requests,
        latency_sum_ms = r.latency_sum_ms + excluded.latency_sum_ms,
        latency_max_ms = greatest(r.latency_max_ms, excluded.latency_max_ms),
        latency_buckets = (SELECT array_agg(coalesce(old, 0) + coalesce(new, 0) ORDER BY i)
                             FROM unnest(r.latency_buckets, excluded.latency_buckets) WITH ORDINALITY AS z(old, new, i))`,
    [
      rollups.map((r) => r.tenantId),
      rollups.map((r) => r.bucket.toISOString()),
      rollups.map((r) => r.appId),
      rollups.map((r) => r.keyId),
      rollups.map((r) => r.userId),
      rollups.map((r) => r.method),
      rollups.map((r) => r.route),
      rollups.map((r) => r.statusClass),
      rollups.map((r) => r.requests),
      rollups.map((r) => r.latencySumMs),
      rollups.map((r) => r.latencyMaxMs),
      rollups.map((r) => r.latencyBuckets.join(',')),
    ],
  );
}

function rollupOrder(r: Rollup): string {
  return `${r.tenantId}|${r.bucket.toISOString()}|${r.appId}|${r.keyId}|${r.userId}|${r.method}|${r.route}|${r.statusClass}`;
}
