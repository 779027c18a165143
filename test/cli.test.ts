import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './harness/cli.js';
import { adminQuery, databaseUrl, quoteIdent, uniqueName } from './harness/database.js';

const adminUrl = inject('adminDatabaseUrl');
const emptyDatabase = uniqueName('atrium_cli');
const env = () => ({ DATABASE_URL: databaseUrl(adminUrl, emptyDatabase) });

async function scalar(sql: string): Promise<unknown> {
  const pg = await import('pg');
  const client = new pg.default.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0]?.value;
  } finally {
    await client.end();
  }
}

beforeAll(() => adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(emptyDatabase)}`));
afterAll(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(emptyDatabase)} WITH (FORCE)`));

describe('atrium CLI', () => {
  it('prints help listing every command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['start', 'migrate', 'seed', 'reset']) expect(result.stdout).toContain(command);
  });

  it('rejects an unknown role with a clear message', async () => {
    const result = await runCli(['start', '--role', 'everything']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('expected all, api or worker');
  });

  it('rejects an unknown command', async () => {
    const result = await runCli(['launch']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("unknown command 'launch'");
  });

  it('exits with code 2 naming every invalid variable', async () => {
    const result = await runCli(['start'], {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://db/x',
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    for (const variable of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(result.stderr).toContain(variable);
  });

  it('exits with code 2 for an unknown module in ATRIUM_MODULES', async () => {
    const result = await runCli(['migrate'], { ...env(), ATRIUM_MODULES: 'system,nonesuch' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ATRIUM_MODULES: unknown modules: nonesuch');
  });

  it('migrates an empty database', async () => {
    const result = await runCli(['migrate'], env());
    expect(result.code).toBe(0);
    expect(await scalar("SELECT to_regclass('public.system_instance') IS NOT NULL AS value")).toBe(true);
  });

  it('seeds the demo world once', async () => {
    const first = await runCli(['seed', 'demo'], env());
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Demo world ready. Sign in at');
    expect(first.stdout).toContain('owner@harbor-bank.example');
    const second = await runCli(['seed', 'demo'], env());
    expect(second.stdout).toContain('already seeded');
    expect(await scalar('SELECT demo_seeded_at IS NOT NULL AS value FROM system_instance')).toBe(true);
    // The demo bank's 100,000 transactions go through ingestion and analysis: seconds, not milliseconds.
  }, 120_000);

  it('reset asks first, refuses in production, and empties the database with --yes', async () => {
    const unconfirmed = await runCli(['reset'], env());
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');
    const production = await runCli(['reset', '--yes'], {
      ...env(),
      NODE_ENV: 'production',
      ATRIUM_SECRET: 'a-production-secret-of-at-least-32-chars',
    });
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('development only');
    expect(await scalar("SELECT to_regclass('public.system_instance') IS NOT NULL AS value")).toBe(true);
    const confirmed = await runCli(['reset', '--yes'], env());
    expect(confirmed.code).toBe(0);
    expect(await scalar("SELECT to_regclass('public.system_instance') IS NOT NULL AS value")).toBe(false);
  });
});
