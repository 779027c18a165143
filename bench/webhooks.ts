/**
 * `npm run bench:webhooks` — webhooks end to end on an embedded PostgreSQL of its own, in this
 * process in role `all` (dispatcher and delivery worker running), endpoints pointing at a local
 * receiver on 127.0.0.1. Two phases:
 *
 * 1. Latency at low load: BENCH_EVENTS events (default 100) emitted one at a time, each in its own
 *    committed transaction, to one endpoint; p50 and p95 from the commit to the receiver getting
 *    the signed request. Goal p50 ≤ 250 ms.
 * 2. Throughput: BENCH_THROUGHPUT_EVENTS events (default 5000) committed as fast as possible in
 *    transactions of BENCH_BATCH events (default 100), spread over BENCH_ENDPOINTS endpoints
 *    (default 4); deliveries per second from the first commit to the last receipt. Goal ≥ 1,000/s.
 *
 * Last line: JSON.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/kernel/config.js';
import { SecretBox } from '../src/kernel/crypto/sealed.js';
import { withTenant } from '../src/kernel/db/tenant.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import { emitEvent } from '../src/modules/webhooks/index.js';
import { openServices } from '../src/server/services.js';
import { freePort, round } from './lib.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_THROUGHPUT_EVENTS ?? 5000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const ENDPOINTS = Number(process.env.BENCH_ENDPOINTS ?? 4);

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-webhooks-'));
  const config = loadConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_EMBEDDED_PG_PORT: String(await freePort()),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const { services, close } = await openServices({ config, role: 'all', log: createLogger('warn') });
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
      if (message.startsWith('tp-') && !arrivals.has(message)) throughputArrivals++;
      arrivals.set(message, performance.now());
      response.end('ok');
      notify?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const webhooks = services.modules.find((module) => module.id === 'webhooks');
    if (!webhooks) throw new Error('the webhooks module is not enabled');
    await services.queue.work(webhooks.jobs, services);
    const port = (server.address() as AddressInfo).port;
    const { tenantId, endpointIds } = await createEndpoints(services, port, ENDPOINTS);
    const endpointId = endpointIds[0] as string;
    const latencies: number[] = [];
    for (let index = 0; index < EVENTS; index++) {
      const message = `bench-${index}`;
      const arrived = new Promise<void>((resolve) => {
        notify = () => arrivals.has(message) && resolve();
      });
      await withTenant(services.pool, tenantId, (tx) =>
        emitEvent(tx, {
          tenantId,
          endpointId,
          type: 'webhook.test',
          data: { endpointId: 'ep_bench', message, eventType: null },
        }),
      );
      const committed = performance.now();
      await arrived;
      latencies.push((arrivals.get(message) ?? committed) - committed);
    }
    latencies.sort((a, b) => a - b);
    const p50 = round(latencies[Math.floor(latencies.length * 0.5)] ?? 0, 1);
    const p95 = round(latencies[Math.floor(latencies.length * 0.95)] ?? 0, 1);
    log(`commit → receipt over ${EVENTS} events: p50 ${p50} ms, p95 ${p95} ms (goal p50 ≤ 250 ms)`);

    // Throughput: every event committed in batches, then wait for the last receipt.
    let lastArrival = 0;
    const allArrived = new Promise<void>((resolve) => {
      notify = () => {
        if (throughputArrivals >= THROUGHPUT_EVENTS && !lastArrival) {
          lastArrival = performance.now();
          resolve();
        }
      };
    });
    let firstCommit = 0;
    for (let start = 0; start < THROUGHPUT_EVENTS; start += BATCH) {
      await withTenant(services.pool, tenantId, async (tx) => {
        for (let index = start; index < Math.min(start + BATCH, THROUGHPUT_EVENTS); index++) {
          await emitEvent(tx, {
            tenantId,
            endpointId: endpointIds[index % endpointIds.length],
            type: 'webhook.test',
            data: { endpointId: 'ep_bench', message: `tp-${index}`, eventType: null },
          });
        }
      });
      if (!firstCommit) firstCommit = performance.now();
    }
    const committedAll = performance.now();
    await allArrived;
    const seconds = (lastArrival - firstCommit) / 1000;
    const perSecond = round(THROUGHPUT_EVENTS / seconds, 0);
    const rssMb = round(process.resourceUsage().maxRSS / 1024, 0);
    log(
      `throughput: ${THROUGHPUT_EVENTS} events to ${ENDPOINTS} endpoints committed in ${round((committedAll - firstCommit) / 1000, 2)} s, ` +
        `all received after ${round(seconds, 2)} s: ${perSecond} deliveries/s (goal ≥ 1,000/s); peak RSS ${rssMb} MB`,
    );
    log(
      JSON.stringify({
        bench: 'webhooks',
        deliveries_per_s: perSecond,
        p50_ms: p50,
        p95_ms: p95,
        latency_events: EVENTS,
        throughput_events: THROUGHPUT_EVENTS,
        endpoints: ENDPOINTS,
        peak_rss_mb: rssMb,
      }),
    );
  } finally {
    server.close();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
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
