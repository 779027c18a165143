import type { Context } from 'hono';
import { clientIp } from '../../../kernel/http/actor.js';
import type { AppEnv, Principal } from '../../../kernel/http/route.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { keyStatus } from './present.js';
import { hashSecret, isWellFormedKey } from './secret.js';

interface KeyRow {
  id: string;
  tenant_id: string;
  label: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  grace_until: Date | null;
  last_used_at: Date | null;
}

/** `last_used_at` is written at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The caller of `Authorization: Bearer atr_…`: the key's tenant and its scopes as permissions. A
 * key with a bad checksum is refused before any query; an unknown, revoked, expired or past-grace
 * key is refused too. Keys are not cookies a browser sends on its own, so no CSRF check applies.
 */
export async function keyPrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const secret = match?.[1];
  if (!secret || !isWellFormedKey(secret)) return undefined;
  const { pool } = c.env.services;
  const { rows } = await pool.query<KeyRow>(
    `SELECT k.id, k.tenant_id, k.label, k.scopes, k.expires_at, k.revoked_at, k.grace_until, k.last_used_at
       FROM api_keys k JOIN tenants t ON t.id = k.tenant_id AND t.status = 'active'
      WHERE k.secret_hash = $1`,
    [hashSecret(secret)],
  );
  const row = rows[0];
  const now = new Date();
  if (!row) return undefined;
  const status = keyStatus(
    { revokedAt: row.revoked_at, expiresAt: row.expires_at, graceUntil: row.grace_until },
    now,
  );
  if (status !== 'active' && status !== 'grace') return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOUCH_INTERVAL_MS) {
    // Conditional, so concurrent requests of one key write once a minute at most.
    await pool.query(
      `UPDATE api_keys SET last_used_at = now(), last_used_ip = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - interval '1 minute')`,
      [row.id, clientIp(c)],
    );
  }
  return {
    kind: 'api_key',
    id: toPublicId('key', row.id),
    label: row.label,
    tenantId: row.tenant_id,
    permissions: new Set(row.scopes),
  };
}
