import { and, count, eq, gte } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { auditEvents } from '../schema.js';

/** How many events of the tenant touched one target since a time (activity summaries). */
export async function countAuditEvents(
  tx: TenantTx,
  filters: { targetType: string; targetId: string; since: Date },
): Promise<number> {
  const [row] = await tx.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, tx.tenantId),
        gte(auditEvents.occurredAt, filters.since),
        eq(auditEvents.targetType, filters.targetType),
        eq(auditEvents.targetId, filters.targetId),
      ),
    );
  return row?.n ?? 0;
}
