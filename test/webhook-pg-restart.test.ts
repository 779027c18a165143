// Webhook delivery across a PostgreSQL restart, with a real Atrium worker process: the database is
// stopped while events are being emitted, dispatched and delivered, then started again on the
// same data directory and port. Nothing here is timed: each step polls for the state it needs,
// with generous bounds for a busy two-core machine.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/kernel/config.js';
import { SecretBox } from '../src/kernel/crypto/sealed.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/kernel/db/embedded.js';
import { createPool, type Pool } from '../src/kernel/db/pool.js';
import { withTenant } from '../src/kernel/db/tenant.js';
import { toPublicId } from '../src/kernel/ids/public-id.js';
import { uuidv7 } from '../src/kernel/ids/uuidv7.js';
import { createLogger } from '../src/kernel/logger.js';
import { emitEvent } from '../src/modules/webhooks/index.js';
import { openServices } from '../src/server/services.js';
import { adminQuery } from './harness/database.js';
import { type AtriumProcess, freePort, startAtriumProcess } from './harness/process.js';

const SECRET = randomBytes(32).toString('base64url');
const DATABASE = 'atrium_pg_restart';
const EVENTS = 600;
const log = createLogger('silent');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** Polls until `check` is true (no time assertion: the bound only ends a hung test). */
async function until(check: () => Promise<boolean> | boolean, timeout = 300_000): Promise<void> {
  await expect.poll(check, { timeout, interval: 250 }).toBe(true);
}

/**
 * A receiver on 127.0.0.1 that verifies each request's signature and records its `webhook-id`
 * with the event's label, answering after a short delay so that requests are in flight.
 */
async function startReceiver(secret: string) {
  const seen: { id: string; label: string }[] = [];
  const invalid: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id']);
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        invalid.push(id);
      }
      seen.push({ id, label: (JSON.parse(body) as { data: { message: string } }).data.message });
      setTimeout(() => response.writeHead(200).end('ok'), 50);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    invalid,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tenant, an app and one endpoint subscribed to everything, written directly. */
async function createEndpoint(pool: Pool, url: string, secret: string) {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  const endpointId = uuidv7();
  await pool.query(`INSERT INTO tenants (id, name, tier) VALUES ($1, 'Restart tenant', 'enterprise')`, [
    tenantId,
  ]);
  await pool.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'Restart')`, [
    projectId,
    tenantId,
  ]);
  await pool.query(
    `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'Restart', 'sandbox')`,
    [appId, tenantId, projectId],
  );
  const config = loadConfig({ ATRIUM_SECRET: SECRET });
  const sealed = SecretBox.fromConfig(config, 'webhooks/endpoint-secret').seal(secret);
  await pool.query(
    `INSERT INTO webhook_endpoints (id, tenant_id, app_id, url, secret) VALUES ($1, $2, $3, $4, $5)`,
    [endpointId, tenantId, appId, url, sealed],
  );
  return { tenantId, endpointId };
}

describe('PostgreSQL restarted during dispatch', () => {
  it('loses no event: every committed event is delivered, one success each, and the worker survives', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-pg-restart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    let server: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port, log });
    cleanups.push(() => server.stop());
    await adminQuery(server.connectionString('postgres'), `CREATE DATABASE ${DATABASE}`);
    const url = server.connectionString(DATABASE);
    // Migrations and the queue's schema, as a first start would make them.
    const setup = await openServices({
      config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }),
      role: 'api',
      log,
      database: { connectionString: url, embedded: false, stop: async () => undefined },
    });
    await setup.close();

    const pool = createPool({ connectionString: url, max: 4, log });
    cleanups.push(() => pool.end());
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const receiver = await startReceiver(secret);
    cleanups.push(() => receiver.close());
    const { tenantId, endpointId } = await createEndpoint(pool, receiver.url, secret);

    const worker: AtriumProcess = await startAtriumProcess(
      {
        DATABASE_URL: url,
        ATRIUM_SECRET: SECRET,
        ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        ATRIUM_BUILD_WEB: 'false',
        ATRIUM_SEED_DEMO: 'false',
      },
      ['--role', 'worker'],
    );
    cleanups.push(() => worker.stop('SIGKILL'));

    // The stream of changes: each event in its own transaction, as changes emit them. A commit
    // that fails (the database is down) is tried again; one whose outcome is unknown (cut during
    // COMMIT) may then exist twice, which the assertions below allow: they compare the receiver
    // with what the database holds, and require every acknowledged event.
    const acknowledged: string[] = [];
    let failedCommits = 0;
    const emitting = (async () => {
      for (let index = 0; index < EVENTS; index++) {
        const label = `restart-${index}`;
        for (;;) {
          try {
            await withTenant(pool, tenantId, (tx) =>
              emitEvent(tx, {
                tenantId,
                endpointId,
                type: 'webhook.test',
                data: { endpointId: toPublicId('endpoint', endpointId), message: label, eventType: null },
              }),
            );
            acknowledged.push(label);
            break;
          } catch {
            failedCommits++;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      }
    })();

    // Stop the database while events are still being committed, dispatched and delivered.
    await until(() => receiver.seen.length >= 30);
    expect(acknowledged.length).toBeLessThan(EVENTS);
    await server.stop();
    // Down long enough for the emitter to notice; the worker's connections are all cut.
    await until(() => failedCommits > 0);
    server = await startEmbeddedPostgres({ dataDir, port, log });
    await emitting;
    expect(acknowledged).toHaveLength(EVENTS);

    const counts = async () => {
      const { rows } = await pool.query<{
        events: number;
        undispatched: number;
        succeeded: number;
        other: number;
      }>(
        `SELECT (SELECT count(*) FROM events)::int AS events,
                (SELECT count(*) FROM events WHERE dispatched_at IS NULL)::int AS undispatched,
                (SELECT count(*) FROM webhook_messages WHERE status = 'succeeded')::int AS succeeded,
                (SELECT count(*) FROM webhook_messages WHERE status <> 'succeeded')::int AS other`,
      );
      return rows[0] as { events: number; undispatched: number; succeeded: number; other: number };
    };
    try {
      await until(async () => {
        const now = await counts();
        return now.undispatched === 0 && now.other === 0 && now.succeeded === now.events;
      });
    } catch (error) {
      throw new Error(
        `not every event was delivered: ${JSON.stringify(await counts())}\n${worker.output().slice(-4000)}`,
        { cause: error },
      );
    }

    // Every acknowledged event is in the outbox (nothing committed was lost) and has one message.
    const { rows: messages } = await pool.query<{ id: string; label: string; successes: number }>(
      `SELECT m.id, ev.payload->>'message' AS label,
              count(a.id) FILTER (WHERE a.outcome = 'success')::int AS successes
         FROM webhook_messages m JOIN events ev ON ev.id = m.event_id
         LEFT JOIN webhook_attempts a ON a.message_id = m.id
        WHERE m.endpoint_id = $1 GROUP BY m.id, ev.payload`,
      [endpointId],
    );
    const labels = new Set(messages.map((message) => message.label));
    expect(acknowledged.filter((label) => !labels.has(label))).toEqual([]);
    // Exactly one recorded success per message.
    expect(messages.filter((message) => message.successes !== 1)).toEqual([]);
    // The receiver got every message, all verified, and the ids it saw are exactly the messages':
    // a repeat carries its message's webhook-id (and the same event).
    expect(receiver.invalid).toEqual([]);
    const expected = new Map(messages.map((message) => [toPublicId('delivery', message.id), message.label]));
    expect([...new Set(receiver.seen.map((request) => request.id))].sort()).toEqual(
      [...expected.keys()].sort(),
    );
    expect(receiver.seen.filter((request) => expected.get(request.id) !== request.label)).toEqual([]);

    // The worker lived through it, and its listening and queue connections came back.
    expect(worker.child.exitCode).toBe(null);
    const connections = async () => {
      const { rows } = await pool.query<{ application_name: string; n: number }>(
        `SELECT application_name, count(*)::int AS n FROM pg_stat_activity
          WHERE datname = $1 AND application_name IN ('atrium-listen', 'atrium-queue') GROUP BY 1`,
        [DATABASE],
      );
      return Object.fromEntries(rows.map((row) => [row.application_name, row.n]));
    };
    await until(async () => (await connections())['atrium-listen'] === 1);
    expect((await connections())['atrium-queue']).toBeGreaterThan(0);
    // A change made now is delivered through the reconnected worker.
    await withTenant(pool, tenantId, (tx) =>
      emitEvent(tx, {
        tenantId,
        endpointId,
        type: 'webhook.test',
        data: { endpointId: toPublicId('endpoint', endpointId), message: 'after-restart', eventType: null },
      }),
    );
    await until(() => receiver.seen.some((request) => request.label === 'after-restart'));
    expect(await worker.stop('SIGTERM'), worker.output()).toBe(0);
  }, 420_000);
});
