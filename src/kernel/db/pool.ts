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
  // The pool listens only to idle clients: a checked-out one (a transaction between two queries)
  // cut by a restart of the server would emit an unhandled 'error' too. Its next query fails and
  // the pool drops it on release (it is no longer queryable); the caller sees that failure, so the
  // event itself only needs noting (an idle client's is also reported by the pool's listener above).
  pool.on('connect', (client) => {
    client.on('error', (error) => options.log.debug({ err: error }, 'database connection lost'));
  });
  return pool;
}
