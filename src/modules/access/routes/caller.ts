import type { Context } from 'hono';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { AppEnv } from '../../../kernel/http/route.js';

/** The signed-in user behind the request (null for an API key): whose membership "you" is. */
export function callerUserId(c: Context<AppEnv>): string | null {
  const principal = c.get('principal');
  return principal?.kind === 'user' ? principal.id : null;
}

/** The caller's permissions: what a role they write may hold at most. */
export function callerPermissions(c: Context<AppEnv>): ReadonlySet<string> {
  return c.get('principal')?.permissions ?? new Set();
}

/** Operations only a person can do (accept an invitation, leave a team), not an API key. */
export function requireSignedInUser(c: Context<AppEnv>): { id: string; sessionId: string } {
  const principal = c.get('principal');
  if (principal?.kind !== 'user' || !principal.sessionId) {
    throw new ProblemError('forbidden', 'Only a signed-in user can do this.');
  }
  return { id: principal.id, sessionId: principal.sessionId };
}
