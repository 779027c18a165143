import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { notify } from '../../notifications/index.js';
import { KEYS_PERMISSIONS } from '../contract.js';

/** How far ahead an expiry is announced. */
export const EXPIRY_NOTICE_DAYS = 7;

interface ExpiringKey {
  id: string;
  tenant_id: string;
  label: string;
  expires_at: Date;
}

/**
 * Tells the members who manage keys about every live key that expires within 7 days, once per
 * key and expiry (a key whose expiry is moved is announced again). Rotated-out keys are left out:
 * their replacement exists. Returns how many keys were announced this run.
 */
export async function notifyExpiringKeys(services: AppServices, now = new Date()): Promise<number> {
  const { rows } = await services.pool.query<ExpiringKey>(
    `SELECT id, tenant_id, label, expires_at FROM api_keys
      WHERE revoked_at IS NULL AND replaced_by IS NULL
        AND expires_at > $1 AND expires_at <= $1 + make_interval(days => $2::int)
      ORDER BY expires_at`,
    [now, EXPIRY_NOTICE_DAYS],
  );
  let announced = 0;
  for (const key of rows) {
    const sent = await withTenant(services.pool, key.tenant_id, (tx) =>
      notify(services, tx, {
        tenantId: key.tenant_id,
        category: 'key_expiring',
        permission: KEYS_PERMISSIONS.keysWrite,
        title: `API key “${key.label}” expires ${describeWhen(key.expires_at, now)}`,
        body: `The key ${toPublicId('key', key.id)} stops working at ${key.expires_at.toISOString()}. Rotate it before then so your servers keep their access.`,
        link: '/keys',
        dedupeKey: `key-expiring:${key.id}:${key.expires_at.toISOString()}`,
      }),
    );
    if (sent.notifications.length > 0 || sent.emailed.length > 0) announced++;
  }
  return announced;
}

function describeWhen(expiresAt: Date, now: Date): string {
  const days = Math.floor((expiresAt.getTime() - now.getTime()) / 86_400_000);
  if (days < 1) return 'within a day';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
