import { and, eq, inArray } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { customers } from '../schema.js';
import { requestAnalysis } from '../services/request-analysis.js';
import { customerNotFound } from './find-customer.js';
import { type CustomerView, viewCustomer } from './get-customer.js';
import type { CustomerRecord } from './present.js';

export interface MergeCustomersOptions {
  customerId: string;
  duplicateIds: string[];
  actor: Actor;
  /** The user who merged: told if the re-analysis fails. */
  userId?: string | null;
}

export interface MergeCustomersResult {
  customer: CustomerView;
  transactionsMoved: number;
  transactionsAlreadyHeld: number;
  statementsMoved: number;
}

function invalidDuplicates(message: string): ProblemError {
  return new ProblemError('validation_failed', `body.duplicateIds: ${message}`, {
    errors: [{ path: 'body.duplicateIds', message }],
  });
}

/** The survivor and the duplicates, locked in id order (two merges over the same customers cannot deadlock). */
async function lockCustomers(
  tx: TenantTx,
  customerId: string,
  duplicateIds: string[],
): Promise<{ survivor: CustomerRecord; duplicates: CustomerRecord[] }> {
  const survivorId = fromPublicId('customer', customerId);
  if (!survivorId) throw customerNotFound(customerId);
  const duplicateUuids = [...new Set(duplicateIds)].map((publicId) => {
    const id = fromPublicId('customer', publicId);
    if (!id) throw customerNotFound(publicId);
    return { publicId, id };
  });
  const rows = await tx.db
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.tenantId, tx.tenantId),
        inArray(customers.id, [survivorId, ...duplicateUuids.map((entry) => entry.id)]),
      ),
    )
    .orderBy(customers.id)
    .for('update');
  const byId = new Map(rows.map((row) => [row.id, row]));
  const survivor = byId.get(survivorId);
  if (!survivor) throw customerNotFound(customerId);
  if (duplicateUuids.some((entry) => entry.id === survivorId)) {
    throw invalidDuplicates('A customer cannot be merged into itself.');
  }
  if (survivor.mergedIntoId) {
    throw new ProblemError('conflict', `Customer ${customerId} was itself merged into another customer.`);
  }
  const duplicates = duplicateUuids.map(({ publicId, id }) => {
    const row = byId.get(id);
    if (!row) throw customerNotFound(publicId);
    if (row.mergedIntoId) throw new ProblemError('conflict', `Customer ${publicId} was already merged.`);
    return row;
  });
  return { survivor, duplicates };
}

/**
 * Folds duplicates into one customer, in the caller's transaction: their transactions and
 * statements move to the survivor, a transaction the survivor (or an earlier duplicate) already
 * holds under the same `dedupe_key` is kept once, each duplicate stays with `merged_into_id` (its
 * analyses stay readable), the survivor's counters are recomputed, and the merge is audited.
 * The survivor's re-analysis is requested in the same transaction, so it runs exactly when the
 * merge commits.
 */
export async function mergeCustomers(
  services: AppServices,
  tx: TenantTx,
  options: MergeCustomersOptions,
): Promise<MergeCustomersResult> {
  const { survivor, duplicates } = await lockCustomers(tx, options.customerId, options.duplicateIds);
  const duplicateIds = duplicates.map((row) => row.id);
  const values = [tx.tenantId, survivor.id, duplicateIds];
  // A duplicate's copy of a transaction goes when the survivor holds that dedupe key, or when
  // another duplicate's copy (the lowest id wins) will move: the unique (customer, dedupe_key) holds.
  const dropped = await tx.client.query(
    `DELETE FROM transactions d
      WHERE d.tenant_id = $1 AND d.customer_id = ANY($3::uuid[])
        AND (EXISTS (SELECT 1 FROM transactions s
                      WHERE s.tenant_id = $1 AND s.customer_id = $2 AND s.dedupe_key = d.dedupe_key)
          OR EXISTS (SELECT 1 FROM transactions o
                      WHERE o.tenant_id = $1 AND o.customer_id = ANY($3::uuid[])
                        AND o.dedupe_key = d.dedupe_key AND o.id < d.id))`,
    values,
  );
  const moved = await tx.client.query(
    'UPDATE transactions SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])',
    values,
  );
  const statements = await tx.client.query(
    'UPDATE statements SET customer_id = $2 WHERE tenant_id = $1 AND customer_id = ANY($3::uuid[])',
    values,
  );
  // Customers merged into a duplicate earlier now point at the survivor: one hop, never a chain.
  await tx.client.query(
    'UPDATE customers SET merged_into_id = $2, updated_at = now() WHERE tenant_id = $1 AND merged_into_id = ANY($3::uuid[])',
    values,
  );
  await tx.client.query(
    `UPDATE customers
        SET merged_into_id = $2, merged_at = now(), updated_at = now(),
            transaction_count = 0, first_transaction_on = NULL, last_transaction_on = NULL
      WHERE tenant_id = $1 AND id = ANY($3::uuid[])`,
    values,
  );
  await tx.client.query(
    `UPDATE customers c
        SET transaction_count = totals.count, first_transaction_on = totals.first,
            last_transaction_on = totals.last, updated_at = now()
       FROM (SELECT count(*)::int AS count, min(booked_on) AS first, max(booked_on) AS last
               FROM transactions WHERE tenant_id = $1 AND customer_id = $2) totals
      WHERE c.tenant_id = $1 AND c.id = $2`,
    values.slice(0, 2),
  );
  await requestAnalysis(services, tx, {
    tenantId: tx.tenantId,
    customerId: survivor.id,
    createdBy: options.userId ?? null,
    externalRef: survivor.externalRef,
  });
  const result = {
    transactionsMoved: moved.rowCount ?? 0,
    transactionsAlreadyHeld: dropped.rowCount ?? 0,
    statementsMoved: statements.rowCount ?? 0,
  };
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'customer.merged',
    target: { type: 'customer', id: toPublicId('customer', survivor.id), label: survivor.externalRef },
    metadata: {
      duplicates: duplicates.map((row) => ({
        id: toPublicId('customer', row.id),
        externalRef: row.externalRef,
      })),
      ...result,
    },
  });
  const [updated] = await tx.db.select().from(customers).where(eq(customers.id, survivor.id));
  if (!updated) throw new Error('the survivor vanished inside its own transaction');
  return { customer: await viewCustomer(tx, updated), ...result };
}
