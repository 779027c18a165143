import type { Pool } from '../../../kernel/db/pool.js';
import type { TenantTier } from '../../tenancy/index.js';

/**
 * Everything the gateway needs to accept or refuse a key, loaded in one query and then kept in
 * memory: the key, its app (environment, IP allowlist) and its tenant (status, tier).
 */
export interface KeyRecord {
  id: string;
  secretHash: string;
  label: string;
  prefix: string;
  environment: 'sandbox' | 'production';
  scopes: readonly string[];
  /** Epoch milliseconds, or null. */
  expiresAt: number | null;
  graceUntil: number | null;
  revokedAt: number | null;
  rateLimitPerMinute: number | null;
  tenantId: string;
  tenantName: string;
  tenantActive: boolean;
  tier: TenantTier;
  appId: string;
  appName: string;
  appEnvironment: 'sandbox' | 'production';
  /** Canonical CIDRs; empty means every address. */
  ipAllowlist: readonly string[];
}

interface Row {
  id: string;
  secret_hash: string;
  label: string;
  prefix: string;
  environment: 'sandbox' | 'production';
  scopes: string[];
  expires_at: Date | null;
  grace_until: Date | null;
  revoked_at: Date | null;
  rate_limit_per_minute: number | null;
  tenant_id: string;
  tenant_name: string;
  tenant_status: string;
  tier: TenantTier;
  app_id: string;
  app_name: string;
  app_environment: 'sandbox' | 'production';
  ip_allowlist: string[];
}

/**
 * The key with this secret hash, whatever its state (the gateway decides per request, since a
 * grace period or an expiry passes while the record sits in the cache). System work: a key is
 * looked up before anyone knows its tenant.
 */
export async function loadKeyRecord(pool: Pool, secretHash: string): Promise<KeyRecord | undefined> {
  const { rows } = await pool.query<Row>(
    `SELECT k.id, k.secret_hash, k.label, k.prefix, k.environment, k.scopes, k.expires_at, k.grace_until,
            k.revoked_at, k.rate_limit_per_minute, t.id AS tenant_id, t.name AS tenant_name,
            t.status AS tenant_status, t.tier, a.id AS app_id, a.name AS app_name,
            a.environment AS app_environment, a.ip_allowlist
       FROM api_keys k
       JOIN tenants t ON t.id = k.tenant_id
       JOIN apps a ON a.id = k.app_id
      WHERE k.secret_hash = $1`,
    [secretHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    secretHash: row.secret_hash,
    label: row.label,
    prefix: row.prefix,
    environment: row.environment,
    scopes: row.scopes,
    expiresAt: row.expires_at?.getTime() ?? null,
    graceUntil: row.grace_until?.getTime() ?? null,
    revokedAt: row.revoked_at?.getTime() ?? null,
    rateLimitPerMinute: row.rate_limit_per_minute,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    tenantActive: row.tenant_status === 'active',
    tier: row.tier,
    appId: row.app_id,
    appName: row.app_name,
    appEnvironment: row.app_environment,
    ipAllowlist: row.ip_allowlist,
  };
}
