/**
 * `npm run bench:webhooks` — webhook latency at low load, on an embedded PostgreSQL of its own: a
 * process in role `all` (dispatcher and delivery worker running), one endpoint pointing at a local
 * receiver, and BENCH_EVENTS events emitted one at a time, each in its own committed transaction.
 * Prints p50 and p95 from the commit to the receiver getting the signed request. Goal p50 ≤ 250 ms.
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
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      arrivals.set((JSON.parse(body) as { data: { message: string } }).data.message, performance.now());
      response.end('ok');
      notify?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const webhooks = services.modules.find((module) => module.id === 'webhooks');
    if (!webhooks) throw new Error('the webhooks module is not enabled');
    await services.queue.work(webhooks.jobs, services);
    const { tenantId, endpointId } = await createEndpoint(services, (server.address() as AddressInfo).port);
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
    log(JSON.stringify({ events: EVENTS, p50Ms: p50, p95Ms: p95 }));
  } finally {
    server.close();
    await close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function createEndpoint(
  services: Awaited<ReturnType<typeof openServices>>['services'],
  port: number,
): Promise<{ tenantId: string; endpointId: string }> {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  const endpointId = uuidv7();
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
  await services.pool.query(
    `INSERT INTO webhook_endpoints (id, tenant_id, app_id, url, secret) VALUES ($1, $2, $3, $4, $5)`,
    [endpointId, tenantId, appId, `http://127.0.0.1:${port}/hook`, secret],
  );
  return { tenantId, endpointId };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
