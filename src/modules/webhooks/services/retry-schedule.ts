const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Delay before each attempt (Standard Webhooks' suggested schedule): the first at once, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. Eight attempts over about 27.5 hours, then the message
 * has failed.
 */
export const RETRY_DELAYS_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;
/** Each delay is spread by up to ±20%, so endpoints that failed together do not retry together. */
const JITTER = 0.2;

/**
 * When the attempt after `attemptsMade` failed ones is due, or null when none is left. `random`
 * is in [0, 1) (Math.random); 0.5 means no jitter.
 */
export function nextAttemptAt(attemptsMade: number, now: Date, random: number = Math.random()): Date | null {
  const delay = RETRY_DELAYS_MS[attemptsMade];
  if (delay === undefined) return null;
  const spread = delay * JITTER * (random * 2 - 1);
  return new Date(now.getTime() + Math.round(delay + spread));
}
