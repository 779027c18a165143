import { inject } from 'vitest';
import { type Config, loadConfig } from '../../src/kernel/config.js';
import type { AppServices } from '../../src/kernel/context.js';
import { createLogger } from '../../src/kernel/logger.js';
import { buildApp } from '../../src/server/app.js';
import { openServices } from '../../src/server/services.js';
import { adminQuery, databaseUrl, quoteIdent, uniqueName } from './database.js';

export interface TestDatabase {
  connectionString: string;
  drop: () => Promise<void>;
}

/** A private database cloned from the migrated template: fast, and no state shared between files. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = uniqueName('atrium_test');
  await adminQuery(
    adminUrl,
    `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(inject('templateDatabase'))}`,
  );
  return {
    connectionString: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  };
}

export interface TestApp {
  services: AppServices;
  app: ReturnType<typeof buildApp>;
  /**
   * Sends a request through the request edge and the router, no socket involved. `clientIp`
   * stands in for the socket's address (rate limits are keyed on it).
   */
  request: (path: string, init?: RequestInit, options?: { clientIp?: string }) => Promise<Response>;
  close: () => Promise<void>;
}

export async function createTestApp(
  overrides: Partial<Record<keyof Config, string>> = {},
  options: { sameDatabaseAs?: TestApp } = {},
): Promise<TestApp> {
  // A second instance on another's database stands for a second API process: its own pool,
  // notifier and module state, the same data. Only the first one drops the database.
  const shared = options.sameDatabaseAs?.services.config.DATABASE_URL;
  const database = shared
    ? { connectionString: shared, drop: async () => undefined }
    : await createTestDatabase();
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
    DATABASE_URL: database.connectionString,
  });
  const { services, close } = await openServices({
    config,
    role: 'all',
    log: createLogger(config.LOG_LEVEL),
    database: { connectionString: database.connectionString, embedded: false, stop: async () => undefined },
    migrate: false,
  });
  const app = buildApp(services, { web: false });
  return {
    services,
    app,
    request: async (path, init, options = {}) => {
      const incoming = { rawHeaders: [], socket: { remoteAddress: options.clientIp ?? '127.0.0.1' } };
      const env = { incoming } as unknown as Parameters<typeof app.fetch>[1];
      return app.fetch(new Request(new URL(path, 'http://localhost'), init), env);
    },
    close: async () => {
      await close();
      await database.drop();
    },
  };
}
