import pg from 'pg';
import type { Logger } from '../logger.js';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// Postgres types that should stay exact: bigint counts come back as strings by default.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
});

export function createPool(options: { connectionString: string; max: number; log: Logger }): Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: 'atrium',
  });
  // Without a listener, a server-side termination of an idle connection (57P01 on shutdown or
  // failover) is an unhandled 'error' event and kills the process.
  pool.on('error', (error) => options.log.warn({ err: error }, 'idle database connection closed'));
  return pool;
}
