import type { HourCounts } from './window.js';

/**
 * Uptime as the share of elapsed hours whose 5xx share stayed under `threshold`; an hour without
 * calls counts as up. `hours` holds only hours with traffic; `elapsedHours` is how many hours of
 * the period have begun.
 */
export function uptimePercent(hours: readonly HourCounts[], elapsedHours: number, threshold: number): number {
  if (elapsedHours <= 0) return 100;
  const down = hours.filter((hour) => hour.calls > 0 && hour.errors / hour.calls >= threshold).length;
  return roundPercent(((elapsedHours - Math.min(down, elapsedHours)) / elapsedHours) * 100);
}

/** Share of calls that did not answer 5xx, in percent; 100 without calls. */
export function successRatePercent(calls: number, errors: number): number {
  return calls > 0 ? roundPercent(((calls - errors) / calls) * 100) : 100;
}

/** 5xx share from 0 to 1; 0 without calls. */
export function errorRate(calls: number, errors: number): number {
  return calls > 0 ? Math.round((errors / calls) * 1e6) / 1e6 : 0;
}

function roundPercent(value: number): number {
  return Math.round(value * 1000) / 1000;
}
