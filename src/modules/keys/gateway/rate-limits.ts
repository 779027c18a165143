import type { RateLimiterRes } from 'rate-limiter-flexible';
import MemoryStorage from 'rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js';
import { TIER_LIMITS } from '../../tenancy/index.js';
import type { KeyRecord } from './key-record.js';

const WINDOW_SECONDS = 60;

/** The tighter of the limits a request counted against, for the `RateLimit-*` headers. */
export interface RateWindow {
  /** Whose limit: the key's own, or the tenant's plan (shared by all its keys). */
  scope: 'key' | 'plan';
  limit: number;
  remaining: number;
  /** Seconds until the window frees up. */
  resetSeconds: number;
  windowSeconds: number;
  /** Set when the request went over: the caller must wait this long (seconds). */
  retryAfter?: number;
}

/**
 * Per-key (`rate_limit_per_minute`) and per-tenant (its tier's `requestsPerMinute`) limits:
 * fixed one-minute windows in this process's memory. The counting is rate-limiter-flexible's
 * memory store, used directly: `RateLimiterMemory.consume` wraps the same synchronous count in a
 * promise, which cost about 15% of a `/v1/me` request's CPU in `npm run bench:gateway`.
 * Each process counts its own requests: with N api processes behind a balancer a caller gets up to
 * N times the limit, unless the balancer keeps a caller on one process.
 */
export class RateLimits {
  private readonly perKey = new MemoryStorage();
  private readonly perTenant = new MemoryStorage();

  /** `planOverride`: one per-tenant limit for every tier (ATRIUM_PLAN_REQUESTS_PER_MINUTE). */
  constructor(private readonly planOverride?: number) {}

  /** Counts the request against both limits; the answer is the tighter, `retryAfter` when over. */
  consume(record: KeyRecord): RateWindow {
    const planLimit =
      this.planOverride ?? TIER_LIMITS[record.tier]?.requestsPerMinute ?? TIER_LIMITS.free.requestsPerMinute;
    const plan = windowOf(this.perTenant.incrby(record.tenantId, 1, WINDOW_SECONDS), planLimit, 'plan');
    const keyLimit = record.rateLimitPerMinute;
    if (!keyLimit) return plan;
    return tighter(plan, windowOf(this.perKey.incrby(record.id, 1, WINDOW_SECONDS), keyLimit, 'key'));
  }
}

function tighter(plan: RateWindow, key: RateWindow): RateWindow {
  if (key.retryAfter !== undefined && plan.retryAfter !== undefined) {
    return key.retryAfter >= plan.retryAfter ? key : plan;
  }
  if (key.retryAfter !== undefined) return key;
  if (plan.retryAfter !== undefined) return plan;
  return key.remaining <= plan.remaining ? key : plan;
}

function windowOf(result: RateLimiterRes, limit: number, scope: RateWindow['scope']): RateWindow {
  const resetSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  const over = result.consumedPoints > limit;
  return {
    scope,
    limit,
    remaining: Math.max(limit - result.consumedPoints, 0),
    resetSeconds,
    windowSeconds: WINDOW_SECONDS,
    ...(over ? { retryAfter: resetSeconds } : {}),
  };
}

/** The IETF `RateLimit-*` headers (draft-ietf-httpapi-ratelimit-headers) of a window. */
export function rateLimitHeaders(window: RateWindow): [string, string][] {
  return [
    ['ratelimit-limit', String(window.limit)],
    ['ratelimit-remaining', String(window.remaining)],
    ['ratelimit-reset', String(window.resetSeconds)],
    ['ratelimit-policy', `${window.limit};w=${window.windowSeconds}`],
  ];
}
