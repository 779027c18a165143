import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { apiKeys } from '../schema.js';

type Row = typeof apiKeys.$inferSelect;
export type KeyStatus = 'active' | 'grace' | 'expired' | 'revoked';

/** Whether the key authenticates at this moment, and if not why. */
export function keyStatus(
  row: Pick<Row, 'revokedAt' | 'expiresAt' | 'graceUntil'>,
  now = new Date(),
): KeyStatus {
  if (row.revokedAt && row.revokedAt <= now) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  if (row.graceUntil) return row.graceUntil <= now ? 'expired' : 'grace';
  return 'active';
}

/** What the API shows of a key: never its secret or hash. */
export function presentKey(row: Row) {
  return {
    id: toPublicId('key', row.id),
    appId: toPublicId('app', row.appId),
    environment: row.environment as 'sandbox' | 'production',
    label: row.label,
    prefix: row.prefix,
    scopes: row.scopes,
    status: keyStatus(row),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    rateLimitPerMinute: row.rateLimitPerMinute,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    graceUntil: row.graceUntil?.toISOString() ?? null,
    replacedBy: row.replacedBy ? toPublicId('key', row.replacedBy) : null,
  };
}

export type KeyView = ReturnType<typeof presentKey>;

/** A key in its events' data: what a receiver needs to tell it apart, never its secret. */
export function keyEventData(view: KeyView) {
  const { id, appId, label, prefix, environment, scopes } = view;
  return { id, appId, label, prefix, environment, scopes };
}

/** What the audit trail keeps of a key: never its secret or hash. */
export function auditedKey(row: Row) {
  return {
    appId: toPublicId('app', row.appId),
    label: row.label,
    prefix: row.prefix,
    scopes: row.scopes,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}
