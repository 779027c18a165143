import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS } from './retry-schedule.js';

const now = new Date('2025-01-15T09:00:00.000Z');
const delayAfter = (attemptsMade: number, random = 0.5) =>
  (nextAttemptAt(attemptsMade, now, random)?.getTime() ?? Number.NaN) - now.getTime();

describe('retry schedule', () => {
  it('follows immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h without jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n))).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(MAX_ATTEMPTS).toBe(8);
  });

  it('gives up after the eighth attempt', () => {
    expect(nextAttemptAt(8, now, 0.5)).toBeNull();
    expect(nextAttemptAt(20, now, 0.5)).toBeNull();
  });

  it('spreads each delay by at most ±20%', () => {
    RETRY_DELAYS_MS.forEach((delay, attemptsMade) => {
      expect(delayAfter(attemptsMade, 0)).toBe(Math.round(delay * 0.8));
      expect(delayAfter(attemptsMade, 0.999999)).toBeLessThanOrEqual(Math.round(delay * 1.2));
      expect(delayAfter(attemptsMade, 0.999999)).toBeGreaterThanOrEqual(delay);
    });
  });
});
