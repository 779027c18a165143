/**
 * `npm run bench:webhooks` — webhooks end to end, deployed as in production: an embedded
 * PostgreSQL of its own; this process stands for the API (it commits the changes that emit the
 * events, and migrates) and runs the receiver on 127.0.0.1; a separate `atrium start --role
 * worker` process dispatches the events and sends the signed deliveries (Standard Webhooks
 * signatures, SSRF check, attempt recorded, at least once). Every figure runs from the moment a
 * change's transaction has committed to the moment the receiver has read the whole signed request.
 *
 * 1. Latency at low load: BENCH_EVENTS events (default 100) emitted one at a time, each in its own
 *    committed transaction, to one endpoint, the next once the previous arrived; p50 and p95 of
 *    commit → receipt. Goal p50 ≤ 250 ms.
 * 2. Throughput: BENCH_THROUGHPUT_EVENTS events (default 5000), spread over BENCH_ENDPOINTS
 *    endpoints (default 4), committed by BENCH_CONCURRENCY concurrent connections (default 16) in
 *    transactions of BENCH_BATCH events (default 1: one change, one event); deliveries per second
 *    from the first commit to the last receipt (the receiver counts each message once; a repeat
 *    does not count). Goal ≥ 1,000/s.
 *
 * The run ends by checking the database: every message succeeded, with exactly one recorded
 * success. Last line: JSON.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config.js';
import { SecretBox } from '../src/kernel/crypto/sealed.js';
import { openDatabaseServer } from '../src/kernel/db/database.js';
import { withTenant } from '../src/kernel/db/tenant.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import { emitEvent } from '../src/modules/webhooks/index.js';
import { openServices } from '../src/server/services.js';
import { startAtriumProcess } from '../test/harness/process.js';
import { cpuMicros, freePort, round } from './lib.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 5000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-webhooks-'));
  const secret = randomBytes(32).toString('base64url');
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_SECRET: secret,
    ATRIUM_DB_POOL_SIZE: String(CONCURRENCY + 4),
    LOG_LEVEL: 'error',
  });
  // Errors only: the pool notes each connection the database's own shutdown closes at the end.
  const logger = createLogger('error');
  const database = await openDatabaseServer(config, logger);
  const { services, close } = await openServices({ config, role: 'api', log: logger, database });
  const arrivals = new Map<string, number>();
  let notify: (() => void) | undefined;
  let throughputArrivals = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const message = (JSON.parse(body) as { data: { message: string } }).data.message;
      if (!arrivals.has(message)) {
        arrivals.set(message, performance.now());
        if (message.startsWith('tp-')) throughputArrivals++;
      }
      response.end('ok');
      notify?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const worker = await startAtriumProcess(
    {
      DATABASE_URL: database.connectionString,
      ATRIUM_SECRET: secret,
      ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      ATRIUM_BUILD_WEB: 'false',
      ATRIUM_SEED_DEMO: 'false',
    },
    ['--role', 'worker'],
  );
  try {
    const port = (server.address() as AddressInfo).port;
    const { tenantId, endpointIds } = await createEndpoints(services, port, ENDPOINTS);
    const endpointId = endpointIds[0] as string;
    const emit = (index: number, message: string) => ({
      tenantId,
      endpointId: endpointIds[index % endpointIds.length] ?? endpointId,
      type: 'webhook.test',
      data: { endpointId: 'ep_bench', message, eventType: null },
    });
    const latencies: number[] = [];
    for (let index = 0; index < EVENTS; index++) {
      const message = `bench-${index}`;
      const arrived = new Promise<void>((resolve) => {
        notify = () => arrivals.has(message) && resolve();
      });
      await withTenant(services.pool, tenantId, (tx) => emitEvent(tx, emit(0, message)));
      const committed = performance.now();
      await arrived;
      latencies.push((arrivals.get(message) ?? committed) - committed);
    }
    latencies.sort((a, b) => a - b);
    const p50 = round(latencies[Math.floor(latencies.length * 0.5)] ?? 0, 1);
    const p95 = round(latencies[Math.floor(latencies.length * 0.95)] ?? 0, 1);
    log(`commit → receipt over ${EVENTS} events: p50 ${p50} ms, p95 ${p95} ms (goal p50 ≤ 250 ms)`);

    // Throughput: concurrent connections commit every event, then wait for the last receipt.
    let lastArrival = 0;
    const allArrived = new Promise<void>((resolve) => {
      notify = () => {
        if (throughputArrivals >= THROUGHPUT_EVENTS && !lastArrival) {
          lastArrival = performance.now();
          resolve();
        }
      };
    });
    let next = 0;
    let firstCommit = 0;
    const emitter = async () => {
      while (next < THROUGHPUT_EVENTS) {
        const start = next;
        const end = Math.min(start + BATCH, THROUGHPUT_EVENTS);
        next = end;
        await withTenant(services.pool, tenantId, async (tx) => {
          for (let index = start; index < end; index++) await emitEvent(tx, emit(index, `tp-${index}`));
        });
        if (!firstCommit) firstCommit = performance.now();
      }
    };
    const cpuBefore = cpuSnapshot(worker.child.pid, dataDir);
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, emitter));
    const committedAll = performance.now();
    await allArrived;
    const cpuAfter = cpuSnapshot(worker.child.pid, dataDir);
    const cpuPerDelivery = (part: keyof typeof cpuAfter) =>
      round((cpuAfter[part] - cpuBefore[part]) / THROUGHPUT_EVENTS, 3);
    const seconds = (lastArrival - firstCommit) / 1000;
    const perSecond = round(THROUGHPUT_EVENTS / seconds, 0);
    const committedPerSecond = round(THROUGHPUT_EVENTS / ((committedAll - started) / 1000), 0);
    const rssMb = round(process.resourceUsage().maxRSS / 1024, 0);
    log(
      `CPU per delivery (ms): worker ${cpuPerDelivery('worker')}, PostgreSQL ${cpuPerDelivery('pg')}, ` +
        `this process (emitting, receiving) ${cpuPerDelivery('bench')}`,
    );
    log(
      `throughput: ${THROUGHPUT_EVENTS} events to ${ENDPOINTS} endpoints committed by ${CONCURRENCY} connections ` +
        `(${BATCH} per transaction) in ${round((committedAll - started) / 1000, 2)} s, all received after ` +
        `${round(seconds, 2)} s: ${perSecond} deliveries/s (goal ≥ 1,000/s); bench process peak RSS ${rssMb} MB`,
    );
    // At least once, checked: every message succeeded, with exactly one recorded success.
    // (A receipt comes before its success is recorded: the last ones are given a few seconds.)
    const expected = EVENTS + THROUGHPUT_EVENTS;
    let check: { messages: number; succeeded: number; successes: number } | undefined;
    for (let tries = 0; tries < 100; tries++) {
      const { rows } = await services.pool.query<NonNullable<typeof check>>(
        `SELECT count(*)::int AS messages, count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
                (SELECT count(*) FROM webhook_attempts WHERE outcome = 'success')::int AS successes
           FROM webhook_messages`,
      );
      check = rows[0];
      if (check?.succeeded === expected) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (check?.messages !== expected || check.succeeded !== expected || check.successes !== expected) {
      throw new Error(`expected ${expected} messages, each with one success: ${JSON.stringify(check)}`);
    }
    log(
      JSON.stringify({
        bench: 'webhooks',
        deliveries_per_s: perSecond,
        p50_ms: p50,
        p95_ms: p95,
        committed_per_s: committedPerSecond,
        latency_events: EVENTS,
        throughput_events: THROUGHPUT_EVENTS,
        endpoints: ENDPOINTS,
        concurrency: CONCURRENCY,
        events_per_transaction: BATCH,
        cpu_ms_per_delivery: {
          worker: cpuPerDelivery('worker'),
          postgres: cpuPerDelivery('pg'),
          bench: cpuPerDelivery('bench'),
        },
        peak_rss_mb: rssMb,
      }),
    );
  } finally {
    await worker.stop('SIGTERM');
    server.close();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * CPU time (user + system, milliseconds) used so far by the worker process, by PostgreSQL (the
 * postmaster, its live backends and those it reaped) and by this process: what one delivery costs
 * whatever else runs on the machine.
 */
function cpuSnapshot(workerPid: number | undefined, dataDir: string) {
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stat = (pid: number | string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    } catch {
      return [];
    }
  };
  // utime, stime, cutime, cstime are fields 14–17 of stat, 12–15 after the command name; ticks of 10 ms.
  const ticks = (fields: string[], upTo: number) =>
    fields.slice(11, upTo).reduce((sum, field) => sum + Number(field || 0), 0) * 10;
  let pg = ticks(stat(postmaster), 15);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && Number(stat(entry)[1]) === postmaster) pg += ticks(stat(entry), 13);
  }
  const own = process.cpuUsage();
  return { worker: (cpuMicros(workerPid) ?? 0) / 1000, pg, bench: (own.user + own.system) / 1000 };
}

async function createEndpoints(
  services: Awaited<ReturnType<typeof openServices>>['services'],
  port: number,
  count: number,
): Promise<{ tenantId: string; endpointIds: string[] }> {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  await services.pool.query(
    `INSERT INTO tenants (id, name, tier) VALUES ($1, 'Bench tenant', 'enterprise')`,
    [tenantId],
  );
  await services.pool.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'Bench')`, [
    projectId,
    tenantId,
  ]);
  await services.pool.query(
    `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'Bench', 'sandbox')`,
    [appId, tenantId, projectId],
  );
  // Sealed as the service seals it (an endpoint made through the API would need DNS and a session).
  const secret = SecretBox.fromConfig(services.config, 'webhooks/endpoint-secret').seal(
    `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
  );
  const endpointIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const endpointId = uuidv7();
    await services.pool.query(
      `INSERT INTO webhook_endpoints (id, tenant_id, app_id, url, secret) VALUES ($1, $2, $3, $4, $5)`,
      [endpointId, tenantId, appId, `http://127.0.0.1:${port}/hook/${index}`, secret],
    );
    endpointIds.push(endpointId);
  }
  return { tenantId, endpointIds };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
