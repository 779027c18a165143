import type { Pool } from './pool.js';
import { type Tx, withTransaction } from './transaction.js';

/** The database role tenant-scoped work runs as; row-level security applies to it (migration 0005). */
export const TENANT_ROLE = 'atrium_tenant';

export interface TenantTx extends Tx {
  tenantId: string;
}

/**
 * A transaction confined to one tenant: the services filter on `tenant_id` themselves, and
 * PostgreSQL's row-level security repeats the rule, so a query that forgets the filter still sees
 * only this tenant's rows (and one without any tenant context sees none).
 */
export function withTenant<T>(pool: Pool, tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (tx) => {
    await tx.client.query(`SELECT set_config('atrium.tenant_id', $1, true)`, [tenantId]);
    await tx.client.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
    return work({ ...tx, tenantId });
  });
}
