import pg from 'pg';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded.js';

const EMBEDDED_DATABASE = 'atrium';

export interface DatabaseServer {
  connectionString: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * Resolves where the data lives: the server named by DATABASE_URL, or the embedded PostgreSQL
 * (started here, with its database created on first start).
 */
export async function openDatabaseServer(config: Config, log: Logger): Promise<DatabaseServer> {
  if (config.DATABASE_URL) {
    return { connectionString: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.ATRIUM_DATA_DIR,
    port: config.ATRIUM_EMBEDDED_PG_PORT,
    log,
  });
  await ensureDatabase(server, EMBEDDED_DATABASE);
  return { connectionString: server.connectionString(EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}

async function ensureDatabase(server: EmbeddedServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.connectionString('postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
