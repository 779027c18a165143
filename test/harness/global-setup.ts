import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/kernel/config.js';
import { startEmbeddedPostgres } from '../../src/kernel/db/embedded.js';
import { createLogger } from '../../src/kernel/logger.js';
import { openServices } from '../../src/server/services.js';
import { adminQuery, databaseUrl, quoteIdent, uniqueName } from './database.js';
import { freePort } from './process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL per test run (embedded, or the server in DATABASE_URL), holding one migrated
 * template database; every test file clones its own database from it.
 */
export default async function setup(project: TestProject) {
  const log = createLogger('warn');
  const external = process.env.DATABASE_URL;
  let dataDir: string | undefined;
  let stopServer: () => Promise<void> = async () => undefined;
  let adminUrl: string;
  if (external) {
    adminUrl = databaseUrl(external, 'postgres');
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-test-'));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    adminUrl = server.connectionString('postgres');
    stopServer = server.stop;
  }
  const template = uniqueName('atrium_template');
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(template)}`);
  const config = loadConfig({ DATABASE_URL: databaseUrl(adminUrl, template), LOG_LEVEL: 'warn' });
  const connectionString = databaseUrl(adminUrl, template);
  const opened = await openServices({
    config,
    role: 'api',
    log,
    database: { connectionString, embedded: !external, stop: async () => undefined },
  });
  await opened.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    await stopServer();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
