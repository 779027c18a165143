import { and, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { auditEvents } from '../schema.js';
import { type AuditEvent, toAuditEventView } from './audit-event-view.js';
import { inChain } from './chain.js';

/** One event of the transaction's tenant; a malformed id or another tenant's event is a 404. */
export async function getAuditEvent(tx: TenantTx, publicId: string): Promise<AuditEvent> {
  const id = fromPublicId('audit', publicId);
  const [row] = id
    ? await tx.db
        .select()
        .from(auditEvents)
        .where(and(inChain(tx.tenantId), eq(auditEvents.id, id)))
    : [];
  if (!row) throw new ProblemError('not_found', 'No such audit event.');
  return toAuditEventView(row);
}
