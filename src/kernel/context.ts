import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Registry } from 'prom-client';
import type { Config } from './config.js';
import type { Notifier } from './db/notifier.js';
import type { Pool } from './db/pool.js';
import type { Logger } from './logger.js';
import type { ModuleManifest } from './module.js';
import type { Queue } from './queue/queue.js';

export type ProcessRole = 'all' | 'api' | 'worker';

/** What every route handler, job and demo seeder is given: the process's shared services. */
export interface AppServices {
  config: Config;
  log: Logger;
  pool: Pool;
  db: NodePgDatabase;
  queue: Queue;
  /** LISTEN/NOTIFY across processes: cache invalidation, live updates. */
  notifier: Notifier;
  role: ProcessRole;
  startedAt: Date;
  version: string;
  database: { embedded: boolean };
  /** The enabled modules' manifests, read-only. */
  modules: readonly ModuleManifest[];
  metrics: Registry;
}
