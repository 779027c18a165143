import { drizzle } from 'drizzle-orm/node-postgres';
import type { Config } from '../kernel/config.js';
import type { AppServices, ProcessRole } from '../kernel/context.js';
import { type DatabaseServer, openDatabaseServer } from '../kernel/db/database.js';
import { runMigrations } from '../kernel/db/migrate.js';
import { Notifier } from '../kernel/db/notifier.js';
import { createPool } from '../kernel/db/pool.js';
import type { Logger } from '../kernel/logger.js';
import { createMetricsRegistry } from '../kernel/metrics.js';
import type { ModuleRuntime } from '../kernel/module.js';
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
  const queue = new Queue(database.connectionString, log, { worker: role !== 'api' });
  const notifier = new Notifier(database.connectionString, log);
  try {
    if (options.migrate !== false) await runMigrations(pool);
    await queue.start(modules.flatMap((module) => module.jobs));
    await notifier.start();
    const services: AppServices = {
      config,
      log,
      pool,
      db: drizzle(pool),
      queue,
      notifier,
      role,
      startedAt: new Date(),
      version: APP_VERSION,
      database: { embedded: database.embedded },
      modules,
      metrics: createMetricsRegistry(),
    };
    const runtimes = await startModules(services);
    const close = async () => {
      for (const runtime of runtimes.reverse()) {
        await runtime.stop().catch((error) => log.warn({ err: error }, 'module stop'));
      }
      await notifier.stop();
      await queue
        .stop(config.ATRIUM_SHUTDOWN_TIMEOUT_MS)
        .catch((error) => log.warn({ err: error }, 'queue stop'));
      await pool.end();
      await database.stop();
    };
    return { services, close };
  } catch (error) {
    await notifier.stop();
    await queue.stop(0).catch(() => undefined);
    await pool.end().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw error;
  }
}

/** Starts each module's process-lifetime work in registry order; on a failure stops what started. */
async function startModules(services: AppServices): Promise<ModuleRuntime[]> {
  const started: ModuleRuntime[] = [];
  try {
    for (const module of services.modules) {
      const runtime = await module.start?.(services);
      if (runtime) started.push(runtime);
    }
    return started;
  } catch (error) {
    for (const runtime of started.reverse()) await runtime.stop().catch(() => undefined);
    throw error;
  }
}
