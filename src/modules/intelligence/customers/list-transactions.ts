import { and, desc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { transactions } from '../schema.js';
import { cursorId, invalidCursor, page } from './cursor.js';
import { findCustomer } from './find-customer.js';
import { presentTransaction, type TransactionRecord } from './present.js';

export interface TransactionFilters {
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filterConditions(tx: TenantTx, customerId: string, filters: TransactionFilters): SQL[] {
  const conditions: SQL[] = [eq(transactions.tenantId, tx.tenantId), eq(transactions.customerId, customerId)];
  if (filters.category) conditions.push(eq(transactions.category, filters.category));
  if (filters.from) conditions.push(gte(transactions.bookedOn, filters.from));
  if (filters.to) conditions.push(lte(transactions.bookedOn, filters.to));
  return conditions;
}

/**
 * Transactions newest booking first, keyset-paged on (booked_on, id) — the order of the
 * `transactions_tenant_customer_booked_idx` index. Exported for the report, which reads in batches.
 */
export async function readTransactions(
  tx: TenantTx,
  customerId: string,
  filters: TransactionFilters,
  options: { after?: TransactionRecord | undefined; limit: number },
): Promise<TransactionRecord[]> {
  const conditions = filterConditions(tx, customerId, filters);
  const after = options.after;
  if (after) {
    const earlier = or(
      sql`${transactions.bookedOn} < ${after.bookedOn}`,
      and(eq(transactions.bookedOn, after.bookedOn), sql`${transactions.id} < ${after.id}`),
    );
    if (earlier) conditions.push(earlier);
  }
  return tx.db
    .select()
    .from(transactions)
    .where(and(...conditions))
    .orderBy(desc(transactions.bookedOn), desc(transactions.id))
    .limit(options.limit);
}

export async function listCustomerTransactions(
  tx: TenantTx,
  customerPublicId: string,
  filters: TransactionFilters,
  options: { cursor?: string | undefined; limit: number },
) {
  const customer = await findCustomer(tx, customerPublicId);
  let after: TransactionRecord | undefined;
  if (options.cursor) {
    const id = cursorId('transaction', options.cursor);
    [after] = await tx.db
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.tenantId, tx.tenantId),
          eq(transactions.customerId, customer.id),
          eq(transactions.id, id),
        ),
      );
    if (!after) throw invalidCursor();
  }
  const rows = await readTransactions(tx, customer.id, filters, { after, limit: options.limit + 1 });
  const result = page(rows, options.limit, 'transaction');
  return { data: result.rows.map(presentTransaction), nextCursor: result.nextCursor };
}
