import { and, desc, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { customerAnalyses, customers } from '../schema.js';
import { findCustomer } from './find-customer.js';
import { type CustomerRecord, presentAnalysisSummary, presentCustomerRow } from './present.js';

/** A customer's profile: details, age band, the latest analysis in short, and what was merged into it. */
export async function viewCustomer(tx: TenantTx, row: CustomerRecord) {
  const [latest] = await tx.db
    .select()
    .from(customerAnalyses)
    .where(and(eq(customerAnalyses.tenantId, tx.tenantId), eq(customerAnalyses.customerId, row.id)))
    .orderBy(desc(customerAnalyses.createdAt), desc(customerAnalyses.id))
    .limit(1);
  const merged = await tx.db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tx.tenantId), eq(customers.mergedIntoId, row.id)))
    .orderBy(desc(customers.mergedAt));
  return {
    ...presentCustomerRow(row),
    birthYear: row.birthYear,
    firstTransactionOn: row.firstTransactionOn,
    mergedIntoId: row.mergedIntoId ? toPublicId('customer', row.mergedIntoId) : null,
    mergedAt: row.mergedAt?.toISOString() ?? null,
    mergedFrom: merged.map((duplicate) => ({
      id: toPublicId('customer', duplicate.id),
      externalRef: duplicate.externalRef,
      displayName: duplicate.displayName,
      mergedAt: (duplicate.mergedAt ?? duplicate.updatedAt).toISOString(),
    })),
    latestAnalysis: latest ? presentAnalysisSummary(latest) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CustomerView = Awaited<ReturnType<typeof viewCustomer>>;

export async function getCustomer(tx: TenantTx, customerId: string): Promise<CustomerView> {
  return viewCustomer(tx, await findCustomer(tx, customerId));
}
