import { eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { customers } from '../schema.js';
import { findCustomer, refuseMerged } from './find-customer.js';
import { type CustomerView, viewCustomer } from './get-customer.js';
import { auditedDetails } from './present.js';

export interface CustomerDetailChanges {
  displayName?: string | null | undefined;
  birthYear?: number | null | undefined;
  gender?: string | null | undefined;
  region?: string | null | undefined;
}

/** Changes a customer's details (null clears one), audited with before and after when anything changed. */
export async function updateCustomer(
  tx: TenantTx,
  options: { customerId: string; changes: CustomerDetailChanges; actor: Actor },
): Promise<CustomerView> {
  const current = await findCustomer(tx, options.customerId, { lock: true });
  refuseMerged(current, options.customerId);
  const set: Partial<typeof customers.$inferInsert> = {};
  for (const field of ['displayName', 'birthYear', 'gender', 'region'] as const) {
    const value = options.changes[field];
    if (value !== undefined && value !== current[field]) Object.assign(set, { [field]: value });
  }
  if (!Object.keys(set).length) return viewCustomer(tx, current);
  const [row] = await tx.db
    .update(customers)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(customers.id, current.id))
    .returning();
  if (!row) throw new Error('the customer vanished inside its own transaction');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'customer.updated',
    target: { type: 'customer', id: toPublicId('customer', row.id), label: row.externalRef },
    before: auditedDetails(current),
    after: auditedDetails(row),
  });
  return viewCustomer(tx, row);
}
