import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { AppServices } from '../../../kernel/context.js';

/**
 * Failed password sign-ins allowed per account in the window. better-auth limits attempts per
 * client address only; an attacker with many addresses could otherwise guess one account's
 * password without end. Unknown emails are counted the same way, so the refusal reveals nothing.
 */
const MAX_FAILURES = 10;
const WINDOW_SECONDS = 15 * 60;

export interface SignInThrottle {
  /** Seconds until this account may try again, or 0 when it may try now. */
  retryAfter: (email: string) => Promise<number>;
  /** Records the outcome of a password check: a failure counts, a success clears the count. */
  record: (email: string, passwordAccepted: boolean) => Promise<void>;
}

function createThrottle(): SignInThrottle {
  // In memory, per process: a second api process keeps its own count (ten more tries at most).
  const failures = new RateLimiterMemory({ points: MAX_FAILURES, duration: WINDOW_SECONDS });
  return {
    retryAfter: async (email) => {
      const state = await failures.get(email.toLowerCase());
      if (!state || state.consumedPoints < MAX_FAILURES) return 0;
      return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
    },
    record: async (email, passwordAccepted) => {
      const key = email.toLowerCase();
      if (passwordAccepted) await failures.delete(key);
      else await failures.penalty(key, 1);
    },
  };
}

const throttles = new WeakMap<AppServices, SignInThrottle>();

export function signInThrottleFor(services: AppServices): SignInThrottle {
  let throttle = throttles.get(services);
  if (!throttle) {
    throttle = createThrottle();
    throttles.set(services, throttle);
  }
  return throttle;
}
