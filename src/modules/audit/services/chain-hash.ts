import { createHash } from 'node:crypto';

/** The first event of a chain links to this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers: everything but the hash itself. */
export interface ChainedFields {
  id: string;
  tenantId: string | null;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
  prevHash: string;
}

/**
 * SHA-256 over a canonical JSON array of the event's fields and the previous hash. Objects are
 * serialised with sorted keys because PostgreSQL's jsonb does not keep key order: the hash computed
 * at write time must equal the one recomputed from the stored row.
 */
export function chainHash(event: ChainedFields): string {
  const canonical = canonicalJson([
    event.prevHash,
    event.id,
    event.tenantId,
    event.seq,
    event.occurredAt.toISOString(),
    event.actorType,
    event.actorId,
    event.actorLabel,
    event.action,
    event.targetType,
    event.targetId,
    event.targetLabel,
    event.ip,
    event.userAgent,
    event.requestId,
    event.before ?? null,
    event.after ?? null,
    event.metadata ?? {},
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}
