import { and, desc, eq, lt } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { customerAnalyses } from '../schema.js';
import { cursorId, page } from './cursor.js';
import { findCustomer } from './find-customer.js';
import { presentAnalysis } from './present.js';

/**
 * A customer's analyses, newest first (ids are UUIDv7, so id order is creation order). A merged
 * duplicate's own analyses stay readable here.
 */
export async function listCustomerAnalyses(
  tx: TenantTx,
  customerId: string,
  options: { cursor?: string | undefined; limit: number },
) {
  const customer = await findCustomer(tx, customerId);
  const conditions = [
    eq(customerAnalyses.tenantId, tx.tenantId),
    eq(customerAnalyses.customerId, customer.id),
  ];
  if (options.cursor) conditions.push(lt(customerAnalyses.id, cursorId('analysis', options.cursor)));
  const rows = await tx.db
    .select()
    .from(customerAnalyses)
    .where(and(...conditions))
    .orderBy(desc(customerAnalyses.id))
    .limit(options.limit + 1);
  const result = page(rows, options.limit, 'analysis');
  return { data: result.rows.map(presentAnalysis), nextCursor: result.nextCursor };
}
