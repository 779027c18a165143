import type { Pool } from './pool.js';
import { type Tx, withTransaction } from './transaction.js';

/** The database role tenant-scoped work runs as; row-level security applies to it (migration 0005). */
export const TENANT_ROLE = 'atrium_tenant';

export interface TenantTx extends Tx {
  tenantId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A transaction confined to one tenant: the services filter on `tenant_id` themselves, and
 * PostgreSQL's row-level security repeats the rule, so a query that forgets the filter still sees
 * only this tenant's rows (and one without any tenant context sees none).
 *
 * The tenant and the role are set by the statement that opens the transaction: a simple query
 * takes no parameters, so the id is written into it, and only once it is known to be a UUID.
 */
export function withTenant<T>(pool: Pool, tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!UUID.test(tenantId))
    return Promise.reject(new Error(`tenant id ${JSON.stringify(tenantId)} is not a UUID`));
  const opening = `BEGIN; SELECT set_config('atrium.tenant_id', '${tenantId}', true); SET LOCAL ROLE ${TENANT_ROLE}`;
  return withTransaction(pool, (tx) => work({ ...tx, tenantId }), opening);
}
