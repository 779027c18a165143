import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/core-world.js';
import { freePort, signInOverHttp, startAtriumProcess } from './harness/process.js';

let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-lifecycle-'));
  env = {
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    PORT: '0',
    ATRIUM_BUILD_WEB: 'false',
    // A locale this machine lacks, as a minimal container or a terminal forwarding its own has:
    // the first start must not take the cluster's locale from the environment (initdb refused it).
    LANG: 'xx_YY.UTF-8',
    LC_ALL: '',
  };
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

/** The system info as the demo operator sees it (the first start seeds the demo world). */
/** The system info as the operator sees it; pass a session to reuse (sign-ins are rate limited). */
async function systemInfo(url: string, session?: string) {
  const cookie = session ?? (await signInOverHttp(url, 'operator@atrium.example', DEMO_PASSWORD));
  const response = await fetch(`${url}/partner/system/info`, { headers: { cookie } });
  if (!response.ok) throw new Error(`system info: ${response.status}`);
  return response.json();
}

async function postgresAccepts(port: string): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'nobody', database: 'x' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch (error) {
    // An authentication failure still proves a server answered.
    return (error as { code?: string }).code !== 'ECONNREFUSED';
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('atrium start on the embedded PostgreSQL', () => {
  let installedAt: string;

  it('initialises, migrates and serves on first start, and exits 0 on SIGTERM with Postgres stopped', async () => {
    const atrium = await startAtriumProcess(env);
    const ready = await fetch(`${atrium.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(atrium.output()).toContain('Demo world ready. Sign in at');
    const info = await systemInfo(atrium.url);
    expect(info.database.embedded).toBe(true);
    expect(info.database.version).toMatch(/^PostgreSQL 18/);
    installedAt = info.installedAt;
    expect(await atrium.stop('SIGTERM'), atrium.output()).toBe(0);
    expect(atrium.output()).not.toMatch(/"level":(50|60)/);
    expect(await postgresAccepts(env.ATRIUM_EMBEDDED_PG_PORT as string)).toBe(false);
    // A first start runs initdb, every migration and the demo world's seeders: on a busy two-core
    // machine that takes far longer than a request, so it gets more than the default 30 s.
  }, 120_000);

  it('reuses the data on a second start and stops cleanly on SIGINT', async () => {
    const atrium = await startAtriumProcess(env);
    const info = await systemInfo(atrium.url);
    expect(info.installedAt, atrium.output()).toBe(installedAt);
    expect(atrium.output()).not.toContain('Demo world ready');
    expect(await atrium.stop('SIGINT'), atrium.output()).toBe(0);
    expect(atrium.output()).not.toMatch(/"level":(50|60)/);
  });

  it('runs the api and worker roles as separate processes on one embedded database', async () => {
    const api = await startAtriumProcess(env, ['--role', 'api']);
    // One session for every poll below: a sign-in per poll would meet the sign-in rate limit.
    const cookie = await signInOverHttp(api.url, 'operator@atrium.example', DEMO_PASSWORD);
    const info = () => systemInfo(api.url, cookie);
    try {
      // Read before the worker starts: its first beat can land before it says it is running, and
      // the next one is a minute away.
      const before = (await info()).worker.lastHeartbeatAt;
      expect((await info()).role).toBe('api');
      const worker = await startAtriumProcess(env, ['--role', 'worker']);
      expect(worker.url).toBe('');
      // The worker queues a heartbeat when it starts; the api process shows it from the database.
      await expect
        .poll(async () => (await info()).worker.lastHeartbeatAt, { timeout: 20_000 })
        .not.toBe(before);
      expect(await worker.stop(), worker.output()).toBe(0);
      // The worker joined the api's database as a guest: stopping it leaves the database running.
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await api.stop(), api.output()).toBe(0);
    }
  });
});
