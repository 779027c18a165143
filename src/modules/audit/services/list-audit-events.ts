import { and, desc, lt } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { AUDIT_PAGE_LIMIT_MAX } from '../contract.js';
import { auditEvents } from '../schema.js';
import { type AuditEvent, type AuditRow, toAuditEventView } from './audit-event-view.js';
import { type AuditFilters, filterConditions } from './audit-filters.js';
import { inChain } from './chain.js';

export interface ListAuditEventsOptions extends AuditFilters {
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1 to 200; 50 when absent. */
  limit?: number;
}

export interface AuditEventPage {
  data: AuditEvent[];
  nextCursor: string | null;
}

/**
 * One page of the transaction's tenant's events, newest first, filtered. Pages are keyed on the
 * chain's `seq` (strictly increasing per tenant), so they stay fast and stable however long the
 * trail grows and while new events arrive. Other modules use this for their activity feeds, e.g.
 * `{ actions: ['member.', 'invitation.', 'role.'] }` for team activity.
 */
export async function listAuditEvents(
  tx: TenantTx,
  options: ListAuditEventsOptions = {},
): Promise<AuditEventPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), AUDIT_PAGE_LIMIT_MAX);
  const beforeSeq = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const rows = await readEventsBefore(tx, tx.tenantId, options, beforeSeq, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toAuditEventView),
    nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
  };
}

/** The chain's events below `beforeSeq` (all when undefined) matching the filters, newest first. */
export function readEventsBefore(
  tx: Tx,
  tenantId: string,
  filters: AuditFilters,
  beforeSeq: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  return tx.db
    .select()
    .from(auditEvents)
    .where(
      and(
        inChain(tenantId),
        ...filterConditions(filters),
        ...(beforeSeq === undefined ? [] : [lt(auditEvents.seq, beforeSeq)]),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

// Opaque to clients (base64url), versioned so the key can change without breaking saved links.
const CURSOR = /^v1:(\d{1,15})$/;

function encodeCursor(seq: number): string {
  return Buffer.from(`v1:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match?.[1]) {
    throw new ProblemError('validation_failed', 'query.cursor: not a cursor this API returned', {
      errors: [{ path: 'query.cursor', message: 'Not a cursor this API returned; start again without one.' }],
    });
  }
  return Number(match[1]);
}
