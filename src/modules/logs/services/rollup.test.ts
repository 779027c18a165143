import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKET_BOUNDS_MS } from '../contract.js';
import { decodeLogCursor, encodeLogCursor } from './list-logs.js';
import { aggregateRollups, coarsenRollups, DAY_MS, HOUR_MS, latencyBucket, MINUTE_MS } from './rollup.js';

const base = {
  tenantId: 't1',
  appId: 'a1',
  keyId: 'k1',
  userId: null,
  method: 'GET',
  route: '/v1/me',
};

describe('rollups', () => {
  it('puts a latency in the first bucket whose bound holds it, the last slot above every bound', () => {
    expect(latencyBucket(0.3)).toBe(0);
    expect(latencyBucket(1)).toBe(0);
    expect(latencyBucket(1.01)).toBe(1);
    expect(latencyBucket(99_999)).toBe(LATENCY_BUCKET_BOUNDS_MS.length);
  });

  it('sums requests per bucket and status class, with latency sum, max and distribution', () => {
    const at = (iso: string) => new Date(iso);
    const rollups = aggregateRollups(
      [
        { ...base, createdAt: at('2025-01-15T09:30:05Z'), status: 200, latencyMs: 2 },
        { ...base, createdAt: at('2025-01-15T09:30:50Z'), status: 204, latencyMs: 9 },
        { ...base, createdAt: at('2025-01-15T09:30:59Z'), status: 503, latencyMs: 40 },
        { ...base, createdAt: at('2025-01-15T09:31:00Z'), status: 200, latencyMs: 1 },
      ],
      MINUTE_MS,
    );
    const ok = rollups.find(
      (r) => r.statusClass === 2 && r.bucket.toISOString() === '2025-01-15T09:30:00.000Z',
    );
    expect(ok).toMatchObject({ requests: 2, latencySumMs: 11, latencyMaxMs: 9 });
    expect(ok?.latencyBuckets[latencyBucket(2)]).toBe(1);
    expect(ok?.latencyBuckets.reduce((a, b) => a + b, 0)).toBe(2);
    expect(
      rollups.map((r) => `${r.bucket.toISOString().slice(11, 16)} ${r.statusClass}xx ${r.requests}`).sort(),
    ).toEqual(['09:30 2xx 2', '09:30 5xx 1', '09:31 2xx 1']);
    expect(
      aggregateRollups(
        rollups.map(() => ({ ...base, createdAt: at('2025-01-15T09:59:00Z'), status: 200, latencyMs: 1 })),
        HOUR_MS,
      ),
    ).toHaveLength(1);
  });
});

describe('coarser rollups', () => {
  it('sums minute rollups into exactly the hour and day rollups of the requests themselves', () => {
    // Two days, three routes, every status class, integer latencies (exact sums in any order).
    const requests = Array.from({ length: 2_000 }, (_, n) => ({
      ...base,
      route: ['/v1/me', '/v1/statements', '/partner/apps'][n % 3] as string,
      keyId: n % 7 === 0 ? null : 'k1',
      createdAt: new Date(Date.UTC(2025, 0, 15, 20) + n * 47_000),
      status: [200, 201, 302, 404, 500][n % 5] as number,
      latencyMs: (n * 13) % 900,
    }));
    const sorted = (rollups: ReturnType<typeof aggregateRollups>) =>
      rollups
        .map((r) => ({ ...r, key: `${r.bucket.toISOString()}|${r.keyId}|${r.route}|${r.statusClass}` }))
        .sort((a, b) => a.key.localeCompare(b.key));
    const minutes = aggregateRollups(requests, MINUTE_MS);
    const hours = coarsenRollups(minutes, HOUR_MS);
    expect(minutes.length).toBeGreaterThan(hours.length);
    expect(sorted(hours)).toEqual(sorted(aggregateRollups(requests, HOUR_MS)));
    expect(sorted(coarsenRollups(hours, DAY_MS))).toEqual(sorted(aggregateRollups(requests, DAY_MS)));
    // The finer rollups are left as they were.
    expect(sorted(minutes)).toEqual(sorted(aggregateRollups(requests, MINUTE_MS)));
  });
});

describe('log cursors', () => {
  it('round-trip a position to the microsecond and refuse anything else', () => {
    const position = { createdAt: '2025-01-15T09:30:00.123456Z', id: '01943c5e-8f3a-7b2c-9d4e-5f6a7b8c9d0e' };
    expect(decodeLogCursor(encodeLogCursor(position))).toEqual(position);
    for (const bad of [
      '',
      'bm9wZQ',
      Buffer.from('v1|2025-13-01T00:00:00.000000Z|01943c5e-8f3a-7b2c-9d4e-5f6a7b8c9d0e').toString(
        'base64url',
      ),
    ]) {
      expect(() => decodeLogCursor(bad)).toThrow(/cursor/);
    }
  });
});
