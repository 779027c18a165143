// Test support: rollup rows written through the request log's own rollup upsert, for the hour and
// the day they fall in, as the writer does when it flushes.

import type { Pool } from '../../src/kernel/db/pool.js';
import { LATENCY_BUCKET_BOUNDS_MS } from '../../src/modules/logs/contract.js';
import { upsertRollups } from '../../src/modules/logs/index.js';

export interface RollupRow {
  tenantId: string;
  bucket: Date;
  method?: string;
  route?: string;
  statusClass?: 2 | 3 | 4 | 5;
  requests: number;
  keyId?: string | null;
  userId?: string | null;
  appId?: string | null;
  /** Every request of the row falls in this latency bucket slot. */
  latencySlot?: number;
}

const DAY = 86_400_000;

export async function insertHourRollups(pool: Pool, rows: readonly RollupRow[]): Promise<void> {
  for (const row of rows) {
    const latencyBuckets = Array.from({ length: LATENCY_BUCKET_BOUNDS_MS.length + 1 }, (_, index) =>
      index === (row.latencySlot ?? 5) ? row.requests : 0,
    );
    const bound = LATENCY_BUCKET_BOUNDS_MS[row.latencySlot ?? 5] ?? 20_000;
    const rollup = {
      tenantId: row.tenantId,
      bucket: row.bucket,
      appId: row.appId ?? null,
      keyId: row.keyId ?? null,
      userId: row.userId ?? null,
      method: row.method ?? 'GET',
      route: row.route ?? '/partner/apps',
      statusClass: row.statusClass ?? 2,
      requests: row.requests,
      latencySumMs: row.requests * bound,
      latencyMaxMs: bound,
      latencyBuckets,
    };
    await upsertRollups(pool, 'request_rollups_hour', [rollup]);
    const day = new Date(Math.floor(row.bucket.getTime() / DAY) * DAY);
    await upsertRollups(pool, 'request_rollups_day', [{ ...rollup, bucket: day }]);
  }
}
