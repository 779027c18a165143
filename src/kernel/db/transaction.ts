import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool, PoolClient } from './pool.js';

/**
 * A transaction as services see it: Drizzle for typed queries, and the raw client for libraries
 * (such as the job queue) that must write in the same transaction.
 */
export interface Tx {
  db: NodePgDatabase;
  client: PoolClient;
}

export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work({ db: drizzle(client), client });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
