import type { z } from '@hono/zod-openapi';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { AuditEventSchema } from '../contract.js';
import type { auditEvents } from '../schema.js';

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditRow = typeof auditEvents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An event as the API shows it: public ids, ISO time, actor and target grouped. */
export function toAuditEventView(row: AuditRow): AuditEvent {
  return {
    id: toPublicId('audit', row.id),
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor: { type: actorType(row.actorType), id: actorPublicId(row), label: row.actorLabel },
    action: row.action,
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    before: asObject(row.before),
    after: asObject(row.after),
    metadata: asObject(row.metadata) ?? {},
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function actorType(type: string): AuditEvent['actor']['type'] {
  return type === 'user' || type === 'api_key' ? type : 'system';
}

/** Users are shown by their public id, which the actor filter also accepts. */
function actorPublicId(row: AuditRow): string | null {
  if (row.actorType === 'user' && row.actorId && UUID.test(row.actorId))
    return toPublicId('user', row.actorId);
  return row.actorId;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
