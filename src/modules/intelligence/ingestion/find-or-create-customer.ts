import type { TenantTx } from '../../../kernel/db/tenant.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import type { StatementCustomer } from './statement-schemas.js';

export interface StatementOwner {
  id: string;
  /** The survivor's own ref when the sent ref names a merged duplicate. */
  externalRef: string;
  created: boolean;
  /** Archived before this statement (new transactions bring it back: see storeStatement). */
  archivedAt: Date | null;
}

/**
 * The customer a statement goes to: the one with this external ref, or the survivor it was merged
 * into, or a new one. Demographics that are sent replace stored ones; absent ones keep them. The
 * row is locked for the rest of the transaction, so two uploads for one customer add to its
 * counters one after the other.
 */
export async function findOrCreateCustomer(
  tx: TenantTx,
  tenantId: string,
  customer: StatementCustomer,
): Promise<StatementOwner> {
  const demographics = [customer.birthYear ?? null, customer.gender ?? null, customer.region ?? null];
  const { rows } = await tx.client.query<{
    id: string;
    merged_into_id: string | null;
    created: boolean;
    archived_at: Date | null;
  }>(
    `INSERT INTO customers (id, tenant_id, external_ref, birth_year, gender, region)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, external_ref) DO UPDATE
        SET birth_year = coalesce(EXCLUDED.birth_year, customers.birth_year),
            gender = coalesce(EXCLUDED.gender, customers.gender),
            region = coalesce(EXCLUDED.region, customers.region),
            updated_at = CASE
              WHEN customers.merged_into_id IS NULL
               AND (EXCLUDED.birth_year, EXCLUDED.gender, EXCLUDED.region)
                   IS DISTINCT FROM (customers.birth_year, customers.gender, customers.region)
              THEN now() ELSE customers.updated_at END
     RETURNING id, merged_into_id, (xmax = 0) AS created, archived_at`,
    [uuidv7(), tenantId, customer.externalRef, ...demographics],
  );
  const found = rows[0];
  if (!found) throw new Error('customer upsert returned no row');
  if (!found.merged_into_id)
    return {
      id: found.id,
      externalRef: customer.externalRef,
      created: found.created,
      archivedAt: found.archived_at,
    };
  return survivorOf(tx, tenantId, found.merged_into_id, demographics);
}

/** Follows `merged_into_id` to the customer that kept the history, and updates its demographics. */
async function survivorOf(
  tx: TenantTx,
  tenantId: string,
  mergedIntoId: string,
  demographics: unknown[],
): Promise<StatementOwner> {
  const { rows } = await tx.client.query<{ id: string; external_ref: string; archived_at: Date | null }>(
    `WITH RECURSIVE chain(id, merged_into_id, depth) AS (
       SELECT id, merged_into_id, 0 FROM customers WHERE id = $1 AND tenant_id = $2
       UNION ALL
       SELECT c.id, c.merged_into_id, chain.depth + 1
         FROM customers c JOIN chain ON c.id = chain.merged_into_id
        WHERE c.tenant_id = $2 AND chain.depth < 32
     )
     UPDATE customers
        SET birth_year = coalesce($3, birth_year), gender = coalesce($4, gender), region = coalesce($5, region),
            updated_at = now()
      WHERE id = (SELECT id FROM chain WHERE merged_into_id IS NULL LIMIT 1) AND tenant_id = $2
     RETURNING id, external_ref, archived_at`,
    [mergedIntoId, tenantId, ...demographics],
  );
  const survivor = rows[0];
  if (!survivor) throw new Error(`merged customer ${mergedIntoId} has no surviving customer`);
  return {
    id: survivor.id,
    externalRef: survivor.external_ref,
    created: false,
    archivedAt: survivor.archived_at,
  };
}
