import pg from 'pg';
import type { Config } from '../kernel/config.js';
import type { DatabaseServer } from '../kernel/db/database.js';
import { QUEUE_SCHEMA } from '../kernel/queue/queue.js';

/** Development only: drops every schema Atrium owns so the next start begins from nothing. */
export async function resetDatabase(config: Config, database: DatabaseServer): Promise<void> {
  if (config.NODE_ENV === 'production') throw new Error('reset refuses to run with NODE_ENV=production');
  const client = new pg.Client({ connectionString: database.connectionString });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const schema of ['public', 'drizzle', QUEUE_SCHEMA]) {
      await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
    }
    await client.query('CREATE SCHEMA public');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
