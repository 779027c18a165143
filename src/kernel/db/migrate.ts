import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Pool } from './pool.js';

export const MIGRATIONS_DIR = path.resolve(fileURLToPath(import.meta.url), '../../../../migrations');
const MIGRATIONS_SCHEMA = 'drizzle';
const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Applies the committed SQL migrations; safe to run from several processes (advisory lock). */
export async function runMigrations(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['atrium:migrate']);
    await migrate(drizzle(client), {
      migrationsFolder: MIGRATIONS_DIR,
      migrationsSchema: MIGRATIONS_SCHEMA,
      migrationsTable: MIGRATIONS_TABLE,
    });
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['atrium:migrate']).catch(() => undefined);
    client.release();
  }
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  current: boolean;
}

/** Compares the committed journal with what the database has applied. */
export async function migrationStatus(pool: Pool): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const table = await pool.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    `${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`,
  ]);
  const applied = table.rows[0]?.exists
    ? ((
        await pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`,
        )
      ).rows[0]?.n ?? 0)
    : 0;
  return { expected: journal.entries.length, applied, current: applied >= journal.entries.length };
}
