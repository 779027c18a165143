import { LATENCY_BUCKET_BOUNDS_MS } from '../../logs/contract.js';

/**
 * The `quantile` (0–1) latency of requests counted per bucket (`counts[i]` requests at most
 * `bounds[i]` ms and above the bound before; the last slot is above every bound), interpolated
 * linearly inside the bucket that holds it, as Prometheus' histogram_quantile does. The slowest
 * slot has no upper bound: `maxMs` (the slowest request seen) closes it when known. Null without
 * requests.
 */
export function percentileFromBuckets(
  counts: readonly number[],
  quantile: number,
  options: { bounds?: readonly number[]; maxMs?: number } = {},
): number | null {
  const bounds = options.bounds ?? LATENCY_BUCKET_BOUNDS_MS;
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = Math.min(Math.max(quantile, 0), 1) * total;
  let below = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index] ?? 0;
    if (count > 0 && below + count >= rank) {
      const lower = index === 0 ? 0 : (bounds[index - 1] ?? 0);
      const upper = bounds[index] ?? Math.max(options.maxMs ?? lower, lower);
      return round(lower + ((upper - lower) * Math.max(rank - below, 0)) / count);
    }
    below += count;
  }
  return round(bounds.at(-1) ?? 0);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
