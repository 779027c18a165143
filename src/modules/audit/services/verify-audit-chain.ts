import { and, asc, gt } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { type Tx, withTransaction } from '../../../kernel/db/transaction.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { CHAIN_BREAK_REASONS } from '../contract.js';
import { auditEvents } from '../schema.js';
import { inChain } from './chain.js';
import { chainHash, GENESIS_HASH } from './chain-hash.js';

export type ChainBreakReason = (typeof CHAIN_BREAK_REASONS)[number];

export type ChainReport =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: { id: string; seq: number; reason: ChainBreakReason } };

type AuditRow = typeof auditEvents.$inferSelect;

/** Rows per read (tests pass smaller pages): a long chain is walked in pages, never held whole. */
const BATCH_SIZE = 1000;

/**
 * Walks one chain (a tenant's, or the operator chain for null) in `seq` order and recomputes every
 * link. Reports the first broken one: a row whose fields changed after it was written
 * (`hash_mismatch`), one that does not link to its predecessor (`prev_hash_mismatch`: the row
 * before it was rewritten with a fresh hash, or this one was), or missing rows before it
 * (`sequence_gap`). Removing the newest events leaves no trace in the chain itself.
 */
export async function verifyAuditChain(
  services: AppServices,
  tenantId: string | null,
  options: { batchSize?: number } = {},
): Promise<ChainReport> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let events = 0;
  let prevHash = GENESIS_HASH;
  for (;;) {
    // Each page reads in its own short transaction: rows are only ever appended, so later pages
    // see the same history (and perhaps newer events, which are checked as well).
    const rows = await readChain(services, tenantId, (tx) => nextRows(tx, tenantId, events, batchSize));
    for (const row of rows) {
      const reason = brokenLink(row, events + 1, prevHash);
      if (reason) {
        return { ok: false, events, brokenAt: { id: toPublicId('audit', row.id), seq: row.seq, reason } };
      }
      events += 1;
      prevHash = row.hash;
    }
    if (rows.length < batchSize) return { ok: true, events };
  }
}

function brokenLink(row: AuditRow, expectedSeq: number, prevHash: string): ChainBreakReason | undefined {
  if (row.seq !== expectedSeq) return 'sequence_gap';
  if (row.prevHash !== prevHash) return 'prev_hash_mismatch';
  const { hash, ...fields } = row;
  if (chainHash(fields) !== hash) return 'hash_mismatch';
  return undefined;
}

/** After `verified` intact events, the next seq is `verified + 1`: anything higher is past a gap. */
function nextRows(tx: Tx, tenantId: string | null, verified: number, limit: number): Promise<AuditRow[]> {
  return tx.db
    .select()
    .from(auditEvents)
    .where(and(inChain(tenantId), gt(auditEvents.seq, verified)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

/** A tenant's chain is read as that tenant (row-level security); the operator chain as the system. */
function readChain<T>(
  services: AppServices,
  tenantId: string | null,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return tenantId ? withTenant(services.pool, tenantId, work) : withTransaction(services.pool, work);
}

/** The operator chain (null), then every tenant that has events, by id. */
export async function listAuditChains(services: AppServices): Promise<(string | null)[]> {
  const { rows } = await services.pool.query<{ tenant_id: string }>(
    'SELECT DISTINCT tenant_id FROM audit_events WHERE tenant_id IS NOT NULL ORDER BY tenant_id',
  );
  return [null, ...rows.map((row) => row.tenant_id)];
}
