import type { Tx } from '../../../kernel/db/transaction.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { auditEvents } from '../schema.js';
import { OPERATOR_CHAIN } from './chain.js';
import { chainHash, GENESIS_HASH } from './chain-hash.js';

export interface AuditTarget {
  type: string;
  id?: string | null;
  label?: string | null;
}

export interface AuditEntry {
  /** `resource.verb`, e.g. `app.created`, `member.role_changed`. */
  action: string;
  target: AuditTarget;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  metadata?: Record<string, unknown>;
}

/**
 * Appends an audit event in the caller's transaction, so the record exists exactly when the change
 * does. The tenant's chain is locked for the rest of the transaction: events of one tenant get
 * consecutive `seq` numbers and each hash covers the previous one. `tenantId` null records an
 * operator action outside any tenant.
 */
export async function recordAudit(
  tx: Tx,
  tenantId: string | null,
  actor: Actor,
  entry: AuditEntry,
): Promise<{ id: string; seq: number }> {
  const chain = tenantId ?? OPERATOR_CHAIN;
  await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`audit:${chain}`]);
  const last = await tx.client.query<{ seq: string; hash: string }>(
    `SELECT seq, hash FROM audit_events
      WHERE coalesce(tenant_id, '${OPERATOR_CHAIN}'::uuid) = $1::uuid
      ORDER BY seq DESC LIMIT 1`,
    [chain],
  );
  const previous = last.rows[0];
  const event = {
    id: uuidv7(),
    tenantId,
    seq: previous ? Number(previous.seq) + 1 : 1,
    // Millisecond precision, so the time read back from PostgreSQL hashes the same.
    occurredAt: new Date(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    targetType: entry.target.type,
    targetId: entry.target.id ?? null,
    targetLabel: entry.target.label ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent,
    requestId: actor.requestId,
    before: asStored(entry.before ?? null),
    after: asStored(entry.after ?? null),
    metadata: asStored(entry.metadata ?? {}),
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  await tx.db.insert(auditEvents).values({ ...event, hash: chainHash(event) });
  return { id: event.id, seq: event.seq };
}

/**
 * The value as jsonb will give it back (dates become strings, undefined keys vanish): the hash is
 * computed over this, so verification, which reads the stored row, computes the same one.
 */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
