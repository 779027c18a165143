import type { Pool } from '../../../kernel/db/pool.js';
import type { LiveEvent } from './publish-live.js';

/** Most events one reconnect replays; a client away for longer reloads its data instead. */
export const MAX_REPLAY = 1_000;

interface EventRow {
  id: string;
  tenant_id: string;
  user_id: string | null;
  type: string;
  data: unknown;
}

const toEvent = (row: EventRow): LiveEvent => ({
  id: row.id,
  tenantId: row.tenant_id,
  userId: row.user_id,
  type: row.type,
  data: row.data,
});

/**
 * The tenant's events after `afterId` (oldest first) that this user may see: the tenant's own
 * and the user's. Read on the system pool: the filter is the query's, by tenant and user.
 */
export async function readEventsAfter(
  pool: Pool,
  options: { tenantId: string; userId: string; afterId: string },
): Promise<LiveEvent[]> {
  const { rows } = await pool.query<EventRow>(
    `SELECT id, tenant_id, user_id, type, data FROM live_events
      WHERE tenant_id = $1 AND id > $3 AND (user_id IS NULL OR user_id = $2)
      ORDER BY id LIMIT ${MAX_REPLAY}`,
    [options.tenantId, options.userId, options.afterId],
  );
  return rows.map(toEvent);
}

export async function readEvent(pool: Pool, id: string): Promise<LiveEvent | undefined> {
  const { rows } = await pool.query<EventRow>(
    'SELECT id, tenant_id, user_id, type, data FROM live_events WHERE id = $1',
    [id],
  );
  return rows[0] ? toEvent(rows[0]) : undefined;
}

/** Deletes events older than `maxAgeMinutes`; returns how many. */
export async function pruneEvents(pool: Pool, maxAgeMinutes: number): Promise<number> {
  const result = await pool.query(
    `DELETE FROM live_events WHERE created_at < now() - make_interval(mins => $1::int)`,
    [maxAgeMinutes],
  );
  return result.rowCount ?? 0;
}
