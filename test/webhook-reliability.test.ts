// Webhook delivery under failures, with real Atrium processes: a worker killed in the middle of
// deliveries. Nothing here is timed:
// each step polls for the state it needs, with generous bounds for a busy two-core machine.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/kernel/db/tenant.js';
import { toPublicId } from '../src/kernel/ids/public-id.js';
import { emitEvent } from '../src/modules/webhooks/index.js';
import { tenantWithApps } from '../src/modules/webhooks/webhooks-test-support.js';
import { type AtriumProcess, startAtriumProcess } from './harness/process.js';
import { send } from './harness/tenant-accounts.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

const SECRET = randomBytes(32).toString('base64url');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/**
 * A receiver on 127.0.0.1 that verifies each request's signature, records its `webhook-id`, and
 * answers after `delayMs`; once it has seen `holdAfter` requests it holds its answers (requests stay
 * in flight) until `holdAfter` is raised again.
 */
async function startSlowReceiver(delayMs: number) {
  const ids: string[] = [];
  const invalid: string[] = [];
  const held: ServerResponse[] = [];
  const state = { holdAfter: Number.POSITIVE_INFINITY, secret: '' };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id']);
      try {
        new Webhook(state.secret).verify(body, request.headers as Record<string, string>);
      } catch {
        invalid.push(id);
      }
      ids.push(id);
      if (ids.length > state.holdAfter) held.push(response);
      else setTimeout(() => response.writeHead(200).end('ok'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    ids,
    invalid,
    held,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` is true (no time assertion: the bound only ends a hung test). */
async function until(check: () => Promise<boolean> | boolean, timeout = 240_000): Promise<void> {
  await expect.poll(check, { timeout, interval: 200 }).toBe(true);
}

describe('a worker killed in the middle of deliveries', () => {
  it('delivers every event after a restart, with the same webhook-id on repeats and one recorded success each', async () => {
    const t: TestApp = await createTestApp({
      ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      ATRIUM_SECRET: SECRET,
    });
    cleanups.push(() => t.close());
    const receiver = await startSlowReceiver(200);
    cleanups.push(() => receiver.close());
    const tenant = await tenantWithApps(t, 'sigkill');
    const endpoint = await send<{ id: string; secret: string }>(
      t,
      'POST',
      '/partner/webhooks',
      { appId: tenant.appIds[0], url: receiver.url },
      tenant.owner,
    );
    expect(endpoint.status).toBe(201);
    receiver.state.secret = endpoint.body.secret;
    const { rows: endpoints } = await t.services.pool.query<{ id: string }>(
      'SELECT id FROM webhook_endpoints WHERE tenant_id = $1',
      [tenant.tenantId],
    );
    const endpointId = endpoints[0]?.id as string;

    const env = {
      DATABASE_URL: t.services.config.DATABASE_URL ?? '',
      ATRIUM_SECRET: SECRET,
      ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      ATRIUM_BUILD_WEB: 'false',
      ATRIUM_SEED_DEMO: 'false',
    };
    receiver.state.holdAfter = 20;
    let worker: AtriumProcess = await startAtriumProcess(env, ['--role', 'worker']);
    cleanups.push(() => worker.stop('SIGKILL'));

    // Each event in its own committed transaction, as changes emit them.
    const EVENTS = 200;
    for (let index = 0; index < EVENTS; index++) {
      await withTenant(t.services.pool, tenant.tenantId, (tx) =>
        emitEvent(tx, {
          tenantId: tenant.tenantId,
          endpointId,
          type: 'webhook.test',
          data: { endpointId: endpoint.body.id, message: `kill-${index}`, eventType: null },
        }),
      );
    }
    // Some deliveries answered, then the receiver holds its answers: the worker is killed with
    // requests in flight, received but never recorded as delivered.
    await until(() => receiver.held.length > 0);
    const seenBeforeKill = new Set(receiver.ids).size;
    expect(seenBeforeKill).toBeLessThan(EVENTS);
    expect(await worker.stop('SIGKILL')).toBe(null);
    receiver.state.holdAfter = Number.POSITIVE_INFINITY;
    for (const response of receiver.held.splice(0)) response.destroy();

    worker = await startAtriumProcess(env, ['--role', 'worker']);
    const statuses = async () => {
      const { rows } = await t.services.pool.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM webhook_messages WHERE endpoint_id = $1 GROUP BY status`,
        [endpointId],
      );
      return Object.fromEntries(rows.map((row) => [row.status, row.n]));
    };
    try {
      await until(async () => (await statuses()).succeeded === EVENTS);
    } catch (error) {
      const { rows } = await t.services.pool
        .query(
          `SELECT m.status, m.attempts, m.next_attempt_at, (SELECT state FROM pgboss.job j WHERE j.data->>'messageId' = m.id::text ORDER BY created_on DESC LIMIT 1) AS job
           FROM webhook_messages m WHERE m.endpoint_id = $1 AND m.status <> 'succeeded' LIMIT 10`,
          [endpointId],
        )
        .catch((e: Error) => ({ rows: [String(e)] }));
      // Say what is stuck, with the worker's last words, instead of a bare timeout.
      throw new Error(
        `not every message succeeded: ${JSON.stringify(await statuses())}, stuck: ${JSON.stringify(rows)}
${worker.output().slice(-4000)}`,
        { cause: error },
      );
    }
    expect(await statuses()).toEqual({ succeeded: EVENTS });

    const { rows: messages } = await t.services.pool.query<{ id: string; successes: number }>(
      `SELECT m.id, count(a.id) FILTER (WHERE a.outcome = 'success')::int AS successes
         FROM webhook_messages m LEFT JOIN webhook_attempts a ON a.message_id = m.id
        WHERE m.endpoint_id = $1 GROUP BY m.id`,
      [endpointId],
    );
    expect(messages).toHaveLength(EVENTS);
    // Exactly one recorded success per message, whatever the receiver saw.
    expect(messages.filter((message) => message.successes !== 1)).toEqual([]);
    // Every message reached the receiver, every request verified, and the ids the receiver saw are
    // exactly the messages' ids: a repeat carries its message's webhook-id.
    expect(receiver.invalid).toEqual([]);
    const expected = messages.map((message) => toPublicId('delivery', message.id)).sort();
    expect([...new Set(receiver.ids)].sort()).toEqual(expected);
    // The requests in flight at the kill were sent again: the receiver saw repeats.
    expect(receiver.ids.length).toBeGreaterThan(EVENTS);
    expect(await worker.stop('SIGTERM'), worker.output()).toBe(0);
  }, 420_000);
});
