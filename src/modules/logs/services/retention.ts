import type { Pool } from '../../../kernel/db/pool.js';
import { type TenantTier, TIER_LIMITS } from '../../tenancy/index.js';

/** Minute rollups serve the last hours' live figures; charts over days read the hour rollups. */
export const MINUTE_ROLLUP_RETENTION_HOURS = 48;
/** Hour and day rollups outlive the raw log: the overview's longest range, with room for comparisons. */
export const HOUR_ROLLUP_RETENTION_DAYS = 400;
/** Partitions made ahead, so the first request of a day never waits for DDL. */
const DAYS_AHEAD = 2;

const DAY_MS = 86_400_000;
const PARTITION = /^request_logs_p(\d{4})(\d{2})(\d{2})$/;

export interface RetentionReport {
  droppedPartitions: string[];
  deletedRows: number;
  deletedMinuteRollups: number;
  deletedHourRollups: number;
}

/**
 * Keeps the request log within each tenant's retention (TIER_LIMITS): whole day partitions older
 * than the longest retention are dropped; in the days kept, rows of tenants whose tier keeps less
 * are deleted. Rollups have their own horizons. Also creates the coming days' partitions.
 */
export async function enforceRetention(pool: Pool, now: Date = new Date()): Promise<RetentionReport> {
  const longest = Math.max(...Object.values(TIER_LIMITS).map((limit) => limit.logRetentionDays));
  const horizon = startOfDay(now.getTime() - longest * DAY_MS);
  const droppedPartitions: string[] = [];
  const { rows: partitions } = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'request_logs'::regclass`,
  );
  for (const { name } of partitions) {
    const day = partitionDay(name);
    if (day !== undefined && day + DAY_MS <= horizon) {
      await pool.query(`DROP TABLE IF EXISTS ${name}`);
      droppedPartitions.push(name);
    }
  }
  let deletedRows = 0;
  for (const [tier, limit] of Object.entries(TIER_LIMITS) as [TenantTier, { logRetentionDays: number }][]) {
    if (limit.logRetentionDays >= longest) continue;
    const cutoff = new Date(startOfDay(now.getTime() - limit.logRetentionDays * DAY_MS));
    const result = await pool.query(
      `DELETE FROM request_logs WHERE created_at < $1
          AND tenant_id IN (SELECT id FROM tenants WHERE tier = $2)`,
      [cutoff, tier],
    );
    deletedRows += result.rowCount ?? 0;
  }
  const minute = await pool.query('DELETE FROM request_rollups_minute WHERE bucket < $1', [
    new Date(now.getTime() - MINUTE_ROLLUP_RETENTION_HOURS * 3_600_000),
  ]);
  const hour = await pool.query('DELETE FROM request_rollups_hour WHERE bucket < $1', [
    new Date(now.getTime() - HOUR_ROLLUP_RETENTION_DAYS * DAY_MS),
  ]);
  await pool.query('DELETE FROM request_rollups_day WHERE bucket < $1', [
    new Date(now.getTime() - HOUR_ROLLUP_RETENTION_DAYS * DAY_MS),
  ]);
  for (let ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
    const day = new Date(startOfDay(now.getTime()) + ahead * DAY_MS).toISOString().slice(0, 10);
    await pool.query('SELECT atrium_request_log_partition($1::date)', [day]);
  }
  return {
    droppedPartitions,
    deletedRows,
    deletedMinuteRollups: minute.rowCount ?? 0,
    deletedHourRollups: hour.rowCount ?? 0,
  };
}

function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function partitionDay(name: string): number | undefined {
  const match = PARTITION.exec(name);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}
