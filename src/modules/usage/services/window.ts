import type { UsageRange } from '../contract.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SHAPES: Record<UsageRange, { granularity: 'hour' | 'day'; points: number }> = {
  '24h': { granularity: 'hour', points: 24 },
  '7d': { granularity: 'hour', points: 7 * 24 },
  '30d': { granularity: 'day', points: 30 },
  '90d': { granularity: 'day', points: 90 },
};

export interface UsageWindow {
  range: UsageRange;
  granularity: 'hour' | 'day';
  /** Width of one series point, ms. */
  step: number;
  from: Date;
  /** Exclusive: the end of the current hour (or UTC day). */
  to: Date;
  /** The period before, as long: [previousFrom, from). */
  previousFrom: Date;
}

/** The period a range names at `now`, aligned to whole hours or UTC days and ending with the current one. */
export function usageWindow(range: UsageRange, now: Date): UsageWindow {
  const { granularity, points } = SHAPES[range];
  const step = granularity === 'hour' ? HOUR : DAY;
  const to = Math.floor(now.getTime() / step) * step + step;
  const from = to - points * step;
  return {
    range,
    granularity,
    step,
    from: new Date(from),
    to: new Date(to),
    previousFrom: new Date(from - points * step),
  };
}

/** 00:00 UTC of `now`'s day: "today" for requests-today figures. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY);
}

export interface HourCounts {
  bucket: Date;
  calls: number;
  errors: number;
  clientErrors: number;
}

export interface UsagePoint {
  bucket: string;
  calls: number;
  errors: number;
  clientErrors: number;
}

/** Every point of the window (zeros where there was no traffic), hours summed into their point. */
export function seriesOf(window: UsageWindow, hours: readonly HourCounts[]): UsagePoint[] {
  const start = window.from.getTime();
  const points: UsagePoint[] = [];
  for (let at = start; at < window.to.getTime(); at += window.step) {
    points.push({ bucket: new Date(at).toISOString(), calls: 0, errors: 0, clientErrors: 0 });
  }
  for (const hour of hours) {
    const point = points[Math.floor((hour.bucket.getTime() - start) / window.step)];
    if (!point || hour.bucket.getTime() < start) continue;
    point.calls += hour.calls;
    point.errors += hour.errors;
    point.clientErrors += hour.clientErrors;
  }
  return points;
}
