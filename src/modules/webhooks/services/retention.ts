import type { Pool } from '../../../kernel/db/pool.js';
import { type TenantTier, TIER_LIMITS } from '../../tenancy/index.js';

const DAY_MS = 86_400_000;
/** Events deleted per statement, so one run never holds its locks for long. */
const BATCH = 2_000;

/**
 * Keeps the outbox and the webhook logs within each tenant's log retention (TIER_LIMITS, the
 * horizon of the Logs page's request log too): an older event goes, and with it (by cascade) its
 * subscriber records, its messages and their attempts. An event still in flight stays whatever
 * its age: not yet dispatched, a subscriber still to run, or a message with an attempt due.
 */
export async function enforceWebhookRetention(
  pool: Pool,
  now: Date = new Date(),
): Promise<{ deletedEvents: number }> {
  let deletedEvents = 0;
  for (const [tier, limit] of Object.entries(TIER_LIMITS) as [TenantTier, { logRetentionDays: number }][]) {
    const cutoff = new Date(now.getTime() - limit.logRetentionDays * DAY_MS);
    for (;;) {
      const result = await pool.query(
        `DELETE FROM events WHERE id IN (
           SELECT e.id FROM events e JOIN tenants t ON t.id = e.tenant_id
            WHERE t.tier = $2 AND e.created_at < $1
              AND e.dispatched_at IS NOT NULL AND NOT e.subscribers_pending
              AND NOT EXISTS (SELECT 1 FROM webhook_messages m WHERE m.event_id = e.id AND m.status = 'pending')
            LIMIT ${BATCH})`,
        [cutoff, tier],
      );
      deletedEvents += result.rowCount ?? 0;
      if ((result.rowCount ?? 0) < BATCH) break;
    }
  }
  return { deletedEvents };
}
