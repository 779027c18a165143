import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort, startAtriumProcess } from '../harness/process.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    atriumUrl: string;
    /** The instance's own database: the development mailbox, and set-up the UI cannot do. */
    atriumDatabaseUrl: string;
  }
}

/** One real `atrium start` (embedded PostgreSQL, built dashboard) shared by every e2e file. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-e2e-'));
  const pgPort = await freePort();
  const atrium = await startAtriumProcess({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(pgPort),
    // A known port (not 0): mailed links are built from it, and the tests open them as they are.
    PORT: String(await freePort()),
    // Loopback only: nothing outside this machine needs to reach the test instance.
    HOST: '127.0.0.1',
    ATRIUM_BUILD_WEB: 'true',
    LOG_LEVEL: 'warn',
    // Every browser here comes from 127.0.0.1, across files that run back to back: the default
    // (3 per 10 s) would make one file's sign-ins depend on the last file's. Throttling itself is
    // tested against the default in the integration tests.
    ATRIUM_SIGN_IN_RATE_LIMIT: '100',
    // Webhook receivers in the tests listen on loopback, which endpoints may not reach by default.
    ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  project.provide('atriumUrl', atrium.url);
  // The embedded server's credentials, as src/kernel/db/embedded.ts creates them.
  const pgPassword = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  project.provide(
    'atriumDatabaseUrl',
    `postgres://atrium:${encodeURIComponent(pgPassword)}@127.0.0.1:${pgPort}/atrium`,
  );

  return async () => {
    const code = await atrium.stop('SIGTERM');
    // The server's warnings and errors, for a failed run's post-mortem (CI keeps artifacts/).
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, 'server.log'), atrium.output());
    await rm(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`atrium exited with ${code} on SIGTERM:\n${atrium.output()}`);
  };
}
