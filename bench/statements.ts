/**
 * Statement ingestion through the Public API, end to end: `POST /v1/statements` over HTTP on a
 * loopback socket to an Atrium of its own (embedded PostgreSQL, role `api`, so the analysis jobs
 * are queued but not run), with a real API key. BENCH_BATCHES uploads (default 10) of
 * BENCH_ROWS synthetic transactions each (default 5,000), one customer per upload, sent one
 * after the other; every answer is checked to be a 202 that stored every row.
 *
 * Reports transactions per second from the first request to the last answer, for JSON and for
 * CSV. The goal is ≥ 50,000 transactions/s. Last line: JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config.js';
import { withTenant } from '../src/kernel/db/tenant.js';
import { systemActor } from '../src/kernel/http/actor.js';
import { toPublicId } from '../src/kernel/ids/public-id.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import {
  csvOf,
  type StatementRow,
  syntheticRows,
} from '../src/modules/intelligence/ingestion/statements-test-support.js';
import { createKey } from '../src/modules/keys/services/create-key.js';
import { buildApp } from '../src/server/app.js';
import { listen } from '../src/server/http-server.js';
import { openServices } from '../src/server/services.js';
import { freePort, round } from './lib.js';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const ROWS = Number(process.env.BENCH_ROWS ?? 5000);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-statements-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_PLAN_REQUESTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  const { services, close } = await openServices({ config, role: 'api', log: createLogger('warn') });
  const server = await listen(buildApp(services, { web: false }).fetch, { port: 0, host: '127.0.0.1' });
  try {
    const secret = await benchKey(services);
    const url = `http://127.0.0.1:${server.port}/v1/statements`;
    const results: Record<string, { seconds: number; perSecond: number }> = {};
    for (const format of ['json', 'csv'] as const) {
      // Bodies are prepared before the clock starts: the partner's serialisation is not ours.
      const bodies = Array.from({ length: BATCHES }, (_, batch) => {
        const rows = syntheticRows(ROWS, { idPrefix: `${format}-${batch}` });
        return bodyOf(format, `BENCH-${format}-${batch}`, rows);
      });
      const started = performance.now();
      for (const [batch, body] of bodies.entries()) {
        const query = format === 'csv' ? `?customerRef=BENCH-csv-${batch}` : '';
        const response = await fetch(`${url}${query}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${secret}`,
            'content-type': format === 'csv' ? 'text/csv' : 'application/json',
          },
          body,
        });
        const answer = (await response.json()) as { storedCount?: number };
        if (response.status !== 202 || answer.storedCount !== ROWS) {
          throw new Error(
            `${format} batch ${batch}: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`,
          );
        }
      }
      const seconds = (performance.now() - started) / 1000;
      results[format] = { seconds: round(seconds, 2), perSecond: Math.round((BATCHES * ROWS) / seconds) };
      log(
        `${format.toUpperCase()}: ${BATCHES} × ${ROWS} transactions in ${round(seconds, 2)} s → ${results[format].perSecond.toLocaleString('en')} transactions/s (goal ≥ 50,000)`,
      );
    }
    log(JSON.stringify({ batches: BATCHES, rows: ROWS, ...results }));
  } finally {
    await server.close(1000);
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function bodyOf(format: 'json' | 'csv', externalRef: string, rows: StatementRow[]): string {
  return format === 'csv' ? csvOf(rows) : JSON.stringify({ customer: { externalRef }, transactions: rows });
}

/** A tenant, project, app and a `statements:write` key with no rate limit to speak of. */
async function benchKey(services: Awaited<ReturnType<typeof openServices>>['services']): Promise<string> {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  await services.pool.query(`INSERT INTO tenants (id, name, tier) VALUES ($1, 'Bench bank', 'enterprise')`, [
    tenantId,
  ]);
  await services.pool.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'Bench')`, [
    projectId,
    tenantId,
  ]);
  await services.pool.query(
    `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'Bench', 'sandbox')`,
    [appId, tenantId, projectId],
  );
  const key = await withTenant(services.pool, tenantId, (tx) =>
    createKey(tx, {
      appId: toPublicId('app', appId),
      label: 'Statements bench',
      scopes: ['statements:write'],
      rateLimitPerMinute: 1_000_000,
      actor: systemActor('bench'),
    }),
  );
  return key.secret;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
