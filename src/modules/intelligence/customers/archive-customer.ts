import { eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { customers } from '../schema.js';
import { findCustomer, refuseMerged } from './find-customer.js';
import { type CustomerView, viewCustomer } from './get-customer.js';

/**
 * Archives (`archived: true`) or restores a customer. An archived customer leaves the default
 * customer table and keeps everything else. Asking for the state it is already in changes nothing
 * and records nothing.
 */
export async function setCustomerArchived(
  tx: TenantTx,
  options: { customerId: string; archived: boolean; actor: Actor },
): Promise<CustomerView> {
  const current = await findCustomer(tx, options.customerId, { lock: true });
  refuseMerged(current, options.customerId);
  if (Boolean(current.archivedAt) === options.archived) return viewCustomer(tx, current);
  const [row] = await tx.db
    .update(customers)
    .set({ archivedAt: options.archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(customers.id, current.id))
    .returning();
  if (!row) throw new Error('the customer vanished inside its own transaction');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: options.archived ? 'customer.archived' : 'customer.unarchived',
    target: { type: 'customer', id: toPublicId('customer', row.id), label: row.externalRef },
    before: { archivedAt: current.archivedAt?.toISOString() ?? null },
    after: { archivedAt: row.archivedAt?.toISOString() ?? null },
  });
  return viewCustomer(tx, row);
}
