import { LATENCY_BUCKET_BOUNDS_MS } from '../contract.js';

/** The fields a rollup row is keyed and counted on. */
export interface RollupInput {
  tenantId: string;
  createdAt: Date;
  appId: string | null;
  keyId: string | null;
  userId: string | null;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
}

export interface Rollup {
  tenantId: string;
  bucket: Date;
  appId: string | null;
  keyId: string | null;
  userId: string | null;
  method: string;
  route: string;
  statusClass: number;
  requests: number;
  latencySumMs: number;
  latencyMaxMs: number;
  latencyBuckets: number[];
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** The index of the latency bucket a request falls in (the last slot: slower than every bound). */
export function latencyBucket(latencyMs: number): number {
  let index = 0;
  while (index < LATENCY_BUCKET_BOUNDS_MS.length && latencyMs > (LATENCY_BUCKET_BOUNDS_MS[index] as number)) {
    index++;
  }
  return index;
}

/** What one rollup row is keyed on: tenant, bucket, app, key, user, method, route and status class. */
function rollupKey(
  of: Pick<Rollup, 'tenantId' | 'appId' | 'keyId' | 'userId' | 'method' | 'route'>,
  bucket: number,
  statusClass: number,
): string {
  return `${of.tenantId}|${bucket}|${of.appId}|${of.keyId}|${of.userId}|${of.method}|${of.route}|${statusClass}`;
}

/**
 * Sums a batch of requests into one rollup per tenant, bucket (of `bucketMs`), app, key, user,
 * method, route and status class — what one upsert statement writes (each key once, as
 * `ON CONFLICT DO UPDATE` requires).
 */
export function aggregateRollups(requests: readonly RollupInput[], bucketMs: number): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const request of requests) {
    const bucket = Math.floor(request.createdAt.getTime() / bucketMs) * bucketMs;
    const statusClass = Math.min(Math.max(Math.floor(request.status / 100), 1), 5);
    const key = rollupKey(request, bucket, statusClass);
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = {
        tenantId: request.tenantId,
        bucket: new Date(bucket),
        appId: request.appId,
        keyId: request.keyId,
        userId: request.userId,
        method: request.method,
        route: request.route,
        statusClass,
        requests: 0,
        latencySumMs: 0,
        latencyMaxMs: 0,
        latencyBuckets: new Array(LATENCY_BUCKET_BOUNDS_MS.length + 1).fill(0),
      };
      rollups.set(key, rollup);
    }
    rollup.requests += 1;
    rollup.latencySumMs += request.latencyMs;
    rollup.latencyMaxMs = Math.max(rollup.latencyMaxMs, request.latencyMs);
    const slot = latencyBucket(request.latencyMs);
    rollup.latencyBuckets[slot] = (rollup.latencyBuckets[slot] ?? 0) + 1;
  }
  return [...rollups.values()];
}

/**
 * The same rollups summed into coarser buckets (minutes into hours, hours into days): what
 * `aggregateRollups` of the requests would give for `bucketMs`, at the cost of the rollups instead of
 * the requests.
 */
export function coarsenRollups(fine: readonly Rollup[], bucketMs: number): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const part of fine) {
    const bucket = Math.floor(part.bucket.getTime() / bucketMs) * bucketMs;
    const key = rollupKey(part, bucket, part.statusClass);
    const rollup = rollups.get(key);
    if (!rollup) {
      rollups.set(key, { ...part, bucket: new Date(bucket), latencyBuckets: [...part.latencyBuckets] });
      continue;
    }
    rollup.requests += part.requests;
    rollup.latencySumMs += part.latencySumMs;
    rollup.latencyMaxMs = Math.max(rollup.latencyMaxMs, part.latencyMaxMs);
    part.latencyBuckets.forEach((count, slot) => {
      rollup.latencyBuckets[slot] = (rollup.latencyBuckets[slot] ?? 0) + count;
    });
  }
  return [...rollups.values()];
}
