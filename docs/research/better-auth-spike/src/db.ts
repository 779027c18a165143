import { AsyncLocalStorage } from 'node:async_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

/** Every statement sent by any pg client in this process (better-auth goes through Drizzle → pg). */
export const sqlLog: string[] = [];
const originalQuery = pg.Client.prototype.query;
// biome-ignore lint: test instrumentation
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const first = args[0];
  sqlLog.push(typeof first === 'string' ? first : (first?.text ?? String(first)));
  return (originalQuery as any).apply(this, args);
};

export function openDb(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  return { pool, db };
}
export type Db = ReturnType<typeof openDb>['db'];

/** Runs fn and returns the SQL statements it caused. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const start = sqlLog.length;
  const result = await fn();
  return { result, queries: sqlLog.slice(start) };
}

/**
 * The "ambient" database: a Proxy that forwards to the Drizzle transaction bound with
 * `txStore.run(tx, …)` when there is one, else to the pool-backed db. Handing THIS to
 * drizzleAdapter makes every better-auth statement of a server-side call (auth.api.*) join the
 * caller's transaction (better-auth's own `transaction: true` becomes a SAVEPOINT).
 */
export const txStore = new AsyncLocalStorage<unknown>();
export function ambientDb<T extends object>(db: T): T {
  return new Proxy(db, {
    get(target, prop) {
      const current = (txStore.getStore() ?? target) as Record<PropertyKey, unknown>;
      const value = Reflect.get(current, prop, current);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}
