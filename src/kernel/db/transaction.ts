import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { ringDoorbell } from './notifier.js';
import type { Pool, PoolClient } from './pool.js';

/**
 * A transaction as services see it: Drizzle for typed queries, and the raw client for libraries
 * (such as the job queue) that must write in the same transaction.
 */
export interface Tx {
  db: NodePgDatabase;
  client: PoolClient;
  /**
   * Wakes the listeners of `channel` (an empty NOTIFY) once this transaction has committed; not at
   * all if it rolls back. For wake-ups whose listener then reads the table (the event outbox): a
   * NOTIFY inside the transaction would hold PostgreSQL's one notification lock from that point
   * through the commit's disk flush, so every notifying transaction would commit one at a time.
   * Rings are coalesced per process and channel (see `ringDoorbell`).
   */
  ringAfterCommit(channel: string): void;
}

/**
 * Runs `work` in a transaction on a connection of its own. `opening` is what starts it: `BEGIN`,
 * or `BEGIN` followed by settings for the transaction in the same simple query (one round trip
 * instead of one per statement: a tenant transaction is opened for every change a partner makes).
 */
export async function withTransaction<T>(
  pool: Pool,
  work: (tx: Tx) => Promise<T>,
  opening = 'BEGIN',
): Promise<T> {
  const rings = new Set<string>();
  const client = await pool.connect();
  let result: T;
  try {
    await client.query(opening);
    result = await work({ db: drizzle(client), client, ringAfterCommit: (channel) => rings.add(channel) });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  for (const channel of rings) ringDoorbell(pool, channel);
  return result;
}
