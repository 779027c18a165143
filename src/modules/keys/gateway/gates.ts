import { clientIp } from '../../../kernel/http/actor.js';
import { presetHeaders } from '../../../kernel/http/middleware/response-headers.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { Gate } from '../../../kernel/module.js';
import { keyOfPrincipal, rateLimitsOf } from './gateway.js';
import { rateLimitHeaders } from './rate-limits.js';

/** A key works only from its app's IP allowlist (an empty list allows every address). */
export const ipAllowlistGate: Gate = (c, principal) => {
  const key = keyOfPrincipal(c.env.services, principal);
  if (!key) return;
  const ip = clientIp(c);
  if (key.allows(ip)) return;
  throw new ProblemError(
    'forbidden',
    `The app "${key.record.appName}" accepts calls from its IP allowlist only, and ${ip ?? 'this address'} is not on it.`,
    { reason: 'ip_not_allowed' },
  );
};

/**
 * Counts a keyed request against the key's own limit and its tenant's plan limit; over either is
 * a 429 with `Retry-After`. Every keyed answer carries the `RateLimit-*` headers of the tighter.
 */
export const rateLimitGate: Gate = (c, principal) => {
  const key = keyOfPrincipal(c.env.services, principal);
  if (!key) return;
  const window = rateLimitsOf(c.env.services).consume(key.record);
  c.set('rateWindow', window);
  const headers = rateLimitHeaders(window);
  if (window.retryAfter !== undefined) {
    const whose =
      window.scope === 'key'
        ? `This key's limit of ${window.limit} requests a minute`
        : `Your plan's limit of ${window.limit} requests a minute (shared by all your keys)`;
    throw new ProblemError('rate_limited', `${whose} is spent; retry in ${window.retryAfter} s.`, {
      reason: window.scope === 'key' ? 'key_rate_limit' : 'plan_rate_limit',
      headers: Object.fromEntries([...headers, ['retry-after', String(window.retryAfter)]]),
    });
  }
  // On Node straight onto the outgoing message: the response stays on the server's fast path.
  if (!presetHeaders(c.env.outgoing, headers)) for (const [name, value] of headers) c.header(name, value);
};
