import { type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../schema.js';

/** The chain key of operator events (null tenant), as in the `audit_events_chain_idx` index. */
export const OPERATOR_CHAIN = '00000000-0000-0000-0000-000000000000';

/**
 * Selects one chain's rows. Written as the unique index's own expression, so PostgreSQL walks
 * `(chain, seq)` in order instead of sorting the chain.
 */
export function inChain(tenantId: string | null): SQL {
  return sql`coalesce(${auditEvents.tenantId}, ${OPERATOR_CHAIN}::uuid) = ${tenantId ?? OPERATOR_CHAIN}::uuid`;
}
