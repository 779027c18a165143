import type { Context } from 'hono';
import { type TenantTx, withTenant } from '../db/tenant.js';
import { ProblemError } from './problem.js';
import type { AppEnv } from './route.js';

/** The tenant the caller acts in; an operation inside a tenant refuses a caller without one. */
export function callerTenant(c: Context<AppEnv>): string {
  const tenantId = c.get('principal')?.tenantId;
  if (!tenantId) {
    throw new ProblemError('forbidden', 'This operation works inside a tenant, and the caller is in none.');
  }
  return tenantId;
}

/** A transaction confined to the caller's tenant (row-level security included). */
export function callerTenantTx<T>(c: Context<AppEnv>, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTenant(c.env.services.pool, callerTenant(c), work);
}
