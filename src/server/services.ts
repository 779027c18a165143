import { drizzle } from 'drizzle-orm/node-postgres';
import type { Config } from '../kernel/config.js';
import type { AppServices, ProcessRole } from '../kernel/context.js';
import { type DatabaseServer, openDatabaseServer } from '../kernel/db/database.js';
import { runMigrations } from '../kernel/db/migrate.js';
import { createPool } from '../kernel/db/pool.js';
import type { Logger } from '../kernel/logger.js';
import { createMetricsRegistry } from '../kernel/metrics.js';
import { selectModules, validateRegistry } from '../kernel/module.js';
import { Queue } from '../kernel/queue/queue.js';
import { allModules } from '../modules/registry.js';
import { APP_VERSION } from './paths.js';

export interface OpenedServices {
  services: AppServices;
  /** Closes the queue, the pool and (when embedded) the database server, in that order. */
  close: () => Promise<void>;
}

/**
 * Opens everything a process needs, in dependency order: modules, database server, migrations,
 * pool, queue. Used by `start`, by the CLI commands and by the test harness alike.
 */
export async function openServices(options: {
  config: Config;
  role: ProcessRole;
  log: Logger;
  database?: DatabaseServer;
  migrate?: boolean;
}): Promise<OpenedServices> {
  const { config, role, log } = options;
  const modules = selectModules(allModules, config.ATRIUM_MODULES);
  validateRegistry(modules);
  const database = options.database ?? (await openDatabaseServer(config, log));
  const pool = createPool({
    connectionString: database.connectionString,
    max: config.ATRIUM_DB_POOL_SIZE,
    log,
  });
  try {
    if (options.migrate !== false) await runMigrations(pool);
    const queue = new Queue(database.connectionString, log, { worker: role !== 'api' });
    await queue.start(modules.flatMap((module) => module.jobs));
    const services: AppServices = {
      config,
      log,
      pool,
      db: drizzle(pool),
      queue,
      role,
      startedAt: new Date(),
      version: APP_VERSION,
      database: { embedded: database.embedded },
      modules,
      metrics: createMetricsRegistry(),
    };
    const close = async () => {
      await queue
        .stop(config.ATRIUM_SHUTDOWN_TIMEOUT_MS)
        .catch((error) => log.warn({ err: error }, 'queue stop'));
      await pool.end();
      await database.stop();
    };
    return { services, close };
  } catch (error) {
    await pool.end().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}
