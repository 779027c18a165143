import { and, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { customers } from '../schema.js';
import type { CustomerRecord } from './present.js';

export function customerNotFound(publicId: string): ProblemError {
  return new ProblemError('not_found', `There is no customer ${publicId.slice(0, 40)} in this tenant.`);
}

/** One customer of the tenant; another tenant's, a missing or a malformed id is the same 404. */
export async function findCustomer(
  tx: TenantTx,
  publicId: string,
  options: { lock?: boolean } = {},
): Promise<CustomerRecord> {
  const id = fromPublicId('customer', publicId);
  if (!id) throw customerNotFound(publicId);
  const query = tx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tx.tenantId), eq(customers.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw customerNotFound(publicId);
  return row;
}

/** Changes are made on the customer a duplicate was merged into, never on the duplicate itself. */
export function refuseMerged(row: CustomerRecord, publicId: string): void {
  if (row.mergedIntoId) {
    throw new ProblemError(
      'conflict',
      `Customer ${publicId} was merged into another customer; change that one instead.`,
    );
  }
}
