import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKET_BOUNDS_MS } from '../../logs/contract.js';
import { errorRate, successRatePercent, uptimePercent } from './health-math.js';
import { percentileFromBuckets } from './percentile.js';
import { seriesOf, startOfUtcDay, usageWindow } from './window.js';

const slots = (entries: Record<number, number>) =>
  Array.from({ length: LATENCY_BUCKET_BOUNDS_MS.length + 1 }, (_, index) => entries[index] ?? 0);

describe('percentile from latency buckets', () => {
  it('is null without requests', () => {
    expect(percentileFromBuckets(slots({}), 0.95)).toBeNull();
  });

  it('interpolates inside the bucket that holds the rank', () => {
    // 100 requests in (10, 15] ms: p50 is halfway, p95 near the top.
    expect(percentileFromBuckets(slots({ 6: 100 }), 0.5)).toBe(12.5);
    expect(percentileFromBuckets(slots({ 6: 100 }), 0.95)).toBe(14.75);
  });

  it('walks the cumulative counts across buckets', () => {
    // 90 fast requests (≤ 1 ms) and 10 in (100, 150]: p95 sits in the slow bucket, halfway.
    const counts = slots({ 0: 90, 12: 10 });
    expect(percentileFromBuckets(counts, 0.5)).toBeCloseTo(0.56, 2);
    expect(percentileFromBuckets(counts, 0.95)).toBe(125);
    expect(percentileFromBuckets(counts, 1)).toBe(150);
  });

  it('closes the open-ended last slot with the slowest request seen', () => {
    const counts = slots({ [LATENCY_BUCKET_BOUNDS_MS.length]: 4 });
    expect(percentileFromBuckets(counts, 1, { maxMs: 14_000 })).toBe(14_000);
    expect(percentileFromBuckets(counts, 0.5, { maxMs: 14_000 })).toBe(12_000);
    expect(percentileFromBuckets(counts, 1)).toBe(10_000);
  });

  it('merged buckets give the percentile of all requests together', () => {
    const a = slots({ 3: 50 });
    const b = slots({ 15: 50 });
    const merged = a.map((count, index) => count + (b[index] ?? 0));
    expect(percentileFromBuckets(merged, 0.5)).toBe(5);
    expect(percentileFromBuckets(merged, 0.95)).toBe(480);
  });
});

describe('usage windows and bucketing', () => {
  const now = new Date('2025-03-10T14:25:00Z');

  it('hour ranges end with the current hour', () => {
    const window = usageWindow('24h', now);
    expect(window.granularity).toBe('hour');
    expect(window.to.toISOString()).toBe('2025-03-10T15:00:00.000Z');
    expect(window.from.toISOString()).toBe('2025-03-09T15:00:00.000Z');
    expect(window.previousFrom.toISOString()).toBe('2025-03-08T15:00:00.000Z');
    expect(usageWindow('7d', now).from.toISOString()).toBe('2025-03-03T15:00:00.000Z');
  });

  it('day ranges end with the current UTC day', () => {
    const window = usageWindow('30d', now);
    expect(window.granularity).toBe('day');
    expect(window.to.toISOString()).toBe('2025-03-11T00:00:00.000Z');
    expect(window.from.toISOString()).toBe('2025-02-09T00:00:00.000Z');
    expect(usageWindow('90d', now).previousFrom.toISOString()).toBe('2024-09-12T00:00:00.000Z');
    expect(startOfUtcDay(now).toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('fills every point and sums hours into their day', () => {
    const window = usageWindow('30d', now);
    const hour = (iso: string, calls: number, errors = 0, clientErrors = 0) => ({
      bucket: new Date(iso),
      calls,
      errors,
      clientErrors,
    });
    const series = seriesOf(window, [
      hour('2025-03-10T01:00:00Z', 5, 1, 2),
      hour('2025-03-10T13:00:00Z', 7, 0, 1),
      hour('2025-02-09T00:00:00Z', 3),
      hour('2025-02-08T23:00:00Z', 100),
    ]);
    expect(series).toHaveLength(30);
    expect(series[0]).toEqual({ bucket: '2025-02-09T00:00:00.000Z', calls: 3, errors: 0, clientErrors: 0 });
    expect(series.at(-1)).toEqual({
      bucket: '2025-03-10T00:00:00.000Z',
      calls: 12,
      errors: 1,
      clientErrors: 3,
    });
    expect(series.reduce((sum, point) => sum + point.calls, 0)).toBe(15);
  });
});

describe('uptime and SLA math', () => {
  const hour = (calls: number, errors: number) => ({ bucket: new Date(0), calls, errors, clientErrors: 0 });

  it('counts hours under the 5xx threshold, quiet hours as up', () => {
    expect(uptimePercent([], 24, 0.05)).toBe(100);
    expect(uptimePercent([hour(100, 4), hour(100, 5), hour(10, 0)], 4, 0.05)).toBe(75);
    expect(uptimePercent([hour(1, 1)], 8, 0.05)).toBe(87.5);
    expect(uptimePercent([], 0, 0.05)).toBe(100);
  });

  it('success rate and error rate come from 5xx only', () => {
    expect(successRatePercent(0, 0)).toBe(100);
    expect(successRatePercent(2000, 1)).toBe(99.95);
    expect(errorRate(0, 0)).toBe(0);
    expect(errorRate(400, 3)).toBe(0.0075);
  });
});
