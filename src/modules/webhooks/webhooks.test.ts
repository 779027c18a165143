import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/harness/process.js';
import { auditEvents, type Problem, send } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { withTransaction } from '../../kernel/db/transaction.js';
import { fromPublicId, toPublicId } from '../../kernel/ids/public-id.js';
import { deliverMessage, type Requeue } from './services/deliver-message.js';
import { dispatchEvents } from './services/dispatch-events.js';
import { emitEvent } from './services/emit-event.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './services/retry-schedule.js';
import {
  type Receiver,
  startReceiver,
  type TenantWithApps,
  tenantWithApps,
} from './webhooks-test-support.js';

let t: TestApp;
let receiver: Receiver;
let acme: TenantWithApps;
let rival: TenantWithApps;

beforeAll(async () => {
  // The receiver listens on loopback, which only the operator's allowlist opens.
  t = await createTestApp({ ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32' });
  receiver = await startReceiver();
  acme = await tenantWithApps(t, 'acme-hooks', 2);
  rival = await tenantWithApps(t, 'rival-hooks', 1);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

interface Endpoint {
  id: string;
  appId: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  secret?: string;
  disabledReason: string | null;
  successRate7d: number | null;
}

async function createEndpoint(body: Record<string, unknown>, tenant = acme) {
  return send<Endpoint & Problem>(
    t,
    'POST',
    '/partner/webhooks',
    { appId: tenant.appIds[0], url: receiver.url, ...body },
    tenant.owner,
  );
}

const uuid = (kind: 'endpoint' | 'app' | 'delivery', id: string) => fromPublicId(kind, id) as string;

async function countRows(table: string, tenantId: string): Promise<number> {
  const { rows } = await t.services.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows[0]?.n ?? 0;
}

async function messagesOf(endpointId: string) {
  const { rows } = await t.services.pool.query<{
    id: string;
    status: string;
    attempts: number;
    type: string;
  }>(
    `SELECT m.id, m.status, m.attempts, e.type FROM webhook_messages m JOIN events e ON e.id = m.event_id
      WHERE m.endpoint_id = $1 ORDER BY m.id`,
    [uuid('endpoint', endpointId)],
  );
  return rows;
}

/**
 * Dispatches and waits until no event of the tenant is left undispatched: the process's own
 * dispatcher (woken by the commit) may hold the rows this call skips.
 */
async function dispatchAll(tenantId: string): Promise<void> {
  await dispatchEvents(t.services);
  await expect
    .poll(async () => {
      const { rows } = await t.services.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND dispatched_at IS NULL',
        [tenantId],
      );
      return rows[0]?.n;
    })
    .toBe(0);
}

/** Records the retries a delivery asks for instead of queueing them. */
function recordingRequeue() {
  const calls: { messageId: string; startAfter: Date | undefined }[] = [];
  const requeue: Requeue = async (_tx, messageId, startAfter) => {
    calls.push({ messageId, startAfter });
  };
  return { calls, requeue };
}

describe('event outbox', () => {
  it('writes nothing when the emitting transaction rolls back', async () => {
    const before = await countRows('events', acme.tenantId);
    await expect(
      withTenant(t.services.pool, acme.tenantId, async (tx) => {
        await emitEvent(tx, {
          tenantId: acme.tenantId,
          type: 'webhook.test',
          data: { endpointId: 'ep_x', message: 'rolled back', eventType: null },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await countRows('events', acme.tenantId)).toBe(before);
  });

  it('refuses an unknown type and data that does not match the schema', async () => {
    await expect(
      withTransaction(t.services.pool, (tx) =>
        emitEvent(tx, { tenantId: acme.tenantId, type: 'no.such_event', data: {} }),
      ),
    ).rejects.toThrow(/not defined/);
    await expect(
      withTransaction(t.services.pool, (tx) =>
        emitEvent(tx, { tenantId: acme.tenantId, type: 'webhook.test', data: { nope: 1 } }),
      ),
    ).rejects.toThrow();
  });

  it('is written in the same transaction as the change: an API key creation emits api_key.created', async () => {
    const key = await send<{ id: string }>(
      t,
      'POST',
      '/partner/api-keys',
      { appId: acme.appIds[0], label: 'Outbox', scopes: ['apps:read'] },
      acme.owner,
    );
    expect(key.status).toBe(201);
    const { rows } = await t.services.pool.query<{ type: string; app_id: string; payload: { id: string } }>(
      `SELECT type, app_id, payload FROM events WHERE tenant_id = $1 AND type = 'api_key.created'`,
      [acme.tenantId],
    );
    expect(rows).toEqual([
      {
        type: 'api_key.created',
        app_id: uuid('app', acme.appIds[0] as string),
        payload: expect.objectContaining({ id: key.body.id }),
      },
    ]);
  });

  it('lists the event catalogue with JSON Schema and examples', async () => {
    const catalogue = await send<{
      data: { type: string; module: string; schema: { type: string }; example: unknown }[];
    }>(t, 'GET', '/partner/webhooks/event-types', undefined, acme.owner);
    expect(catalogue.status).toBe(200);
    const types = catalogue.body.data.map((entry) => entry.type);
    for (const type of [
      'api_key.created',
      'api_key.rotated',
      'api_key.revoked',
      'app.created',
      'app.updated',
      'app.deleted',
      'webhook.test',
      'webhook_endpoint.disabled',
    ]) {
      expect(types).toContain(type);
    }
    const created = catalogue.body.data.find((entry) => entry.type === 'api_key.created');
    expect(created?.module).toBe('keys');
    expect(created?.schema.type).toBe('object');
    expect(created?.example).toMatchObject({ prefix: 'atr_test_AbCd' });
  });
});

describe('endpoints', () => {
  it('creates an endpoint with a whsec_ secret shown once, audited, and reveals it on request', async () => {
    const created = await createEndpoint({ description: 'All events' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const got = await send<Endpoint>(t, 'GET', `/partner/webhooks/${created.body.id}`, undefined, acme.owner);
    expect(got.body).not.toHaveProperty('secret');
    const list = await send<{ data: Endpoint[] }>(
      t,
      'GET',
      `/partner/webhooks?appId=${acme.appIds[0]}`,
      undefined,
      acme.owner,
    );
    expect(list.body.data.map((e) => e.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    const { rows } = await t.services.pool.query<{ secret: string }>(
      'SELECT secret FROM webhook_endpoints WHERE id = $1',
      [uuid('endpoint', created.body.id)],
    );
    expect(rows[0]?.secret).not.toContain('whsec_');
    const revealed = await send<{ secret: string }>(
      t,
      'GET',
      `/partner/webhooks/${created.body.id}/secret`,
      undefined,
      acme.owner,
    );
    expect(revealed.body.secret).toBe(created.body.secret);
    expect(
      (await send(t, 'GET', `/partner/webhooks/${created.body.id}/secret`, undefined, acme.viewer)).status,
    ).toBe(403);
    const audit = await auditEvents(t, acme.tenantId, 'webhook_endpoint.');
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['webhook_endpoint.created', 'webhook_endpoint.secret_revealed']),
    );
    expect(JSON.stringify(audit)).not.toContain(created.body.secret as string);
    await send(t, 'DELETE', `/partner/webhooks/${created.body.id}`, undefined, acme.owner);
  });

  it('refuses bad input with a 400 problem on the field, and changes nothing', async () => {
    const before = await countRows('webhook_endpoints', acme.tenantId);
    const cases: [Record<string, unknown>, string][] = [
      [{ eventTypes: ['api_key.created', 'no.such_type'] }, 'body.eventTypes.1'],
      [{ url: 'not a url' }, 'body.url'],
      [{ url: 'ftp://93.184.215.14/' }, 'body.url'],
      [{ url: 'http://10.0.0.1/hook' }, 'body.url'],
      [{ url: 'http://169.254.169.254/latest/meta-data/' }, 'body.url'],
      [{ url: 'http://[::1]:8080/' }, 'body.url'],
      [{ url: 'http://127.0.0.2/' }, 'body.url'],
      [{ headers: { 'webhook-signature': 'forged' } }, 'body.headers.webhook-signature'],
    ];
    for (const [body, path] of cases) {
      const response = await createEndpoint(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors?.map((e) => e.path)).toContain(path);
    }
    expect(await countRows('webhook_endpoints', acme.tenantId)).toBe(before);
  });

  it('updates fields, refuses a blocked URL on update without changing anything, and audits', async () => {
    const created = await createEndpoint({});
    const updated = await send<Endpoint>(
      t,
      'PATCH',
      `/partner/webhooks/${created.body.id}`,
      { eventTypes: ['api_key.revoked'], description: 'Revocations' },
      acme.owner,
    );
    expect(updated.status).toBe(200);
    expect(updated.body.eventTypes).toEqual(['api_key.revoked']);
    const blocked = await send<Problem>(
      t,
      'PATCH',
      `/partner/webhooks/${created.body.id}`,
      { url: 'http://192.168.1.1/' },
      acme.owner,
    );
    expect(blocked.status).toBe(400);
    const after = await send<Endpoint>(
      t,
      'GET',
      `/partner/webhooks/${created.body.id}`,
      undefined,
      acme.owner,
    );
    expect(after.body.url).toBe(receiver.url);
    const audit = await auditEvents(t, acme.tenantId, 'webhook_endpoint.updated');
    expect(audit.at(-1)?.after).toMatchObject({ eventTypes: ['api_key.revoked'] });
    await send(t, 'DELETE', `/partner/webhooks/${created.body.id}`, undefined, acme.owner);
  });

  it('answers 404 for another tenant’s endpoint and delivery, and for malformed ids', async () => {
    const theirs = await createEndpoint({}, rival);
    expect(theirs.status).toBe(201);
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { description: 'mine now' }],
      ['DELETE', '', undefined],
      ['GET', '/logs', undefined],
      ['GET', '/stats', undefined],
      ['GET', '/secret', undefined],
      ['POST', '/rotate-secret', undefined],
      ['POST', '/replay', { since: new Date().toISOString() }],
    ] as const) {
      const response = await send(
        t,
        method,
        `/partner/webhooks/${theirs.body.id}${suffix}`,
        body,
        acme.owner,
      );
      expect(response.status, `${method} ${suffix}`).toBe(404);
    }
    expect((await send(t, 'GET', '/partner/webhooks/ep_nonsense', undefined, acme.owner)).status).toBe(404);
    expect(
      (await send(t, 'POST', '/partner/webhooks/test', { endpointId: theirs.body.id }, acme.owner)).status,
    ).toBe(404);
    const { rows } = await t.services.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_endpoints WHERE id = $1',
      [uuid('endpoint', theirs.body.id)],
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe('dispatcher', () => {
  it('fans an event out to the enabled endpoints of its app subscribed to its type', async () => {
    const tenant = await tenantWithApps(t, 'fanout', 2);
    const [appOne, appTwo] = tenant.appIds as [string, string];
    const all = await createEndpoint({ appId: appOne }, tenant);
    const onlyRevoked = await createEndpoint({ appId: appOne, eventTypes: ['api_key.revoked'] }, tenant);
    const onlyCreated = await createEndpoint({ appId: appOne, eventTypes: ['api_key.created'] }, tenant);
    const otherApp = await createEndpoint({ appId: appTwo }, tenant);
    const disabled = await createEndpoint({ appId: appOne, enabled: false }, tenant);
    await send(
      t,
      'POST',
      '/partner/api-keys',
      { appId: appOne, label: 'Fan-out', scopes: ['apps:read'] },
      tenant.owner,
    );
    await dispatchAll(tenant.tenantId);
    const types = async (endpoint: { body: { id: string } }) =>
      (await messagesOf(endpoint.body.id)).map((m) => m.type);
    expect(await types(all)).toEqual(['api_key.created']);
    expect(await types(onlyCreated)).toEqual(['api_key.created']);
    expect(await types(onlyRevoked)).toEqual([]);
    expect(await types(otherApp)).toEqual([]);
    expect(await types(disabled)).toEqual([]);
    // A tenant-wide event (no app) goes to every app's endpoints subscribed to it.
    await send(
      t,
      'PATCH',
      `/partner/webhooks/${onlyRevoked.body.id}`,
      { eventTypes: ['app.created'] },
      tenant.owner,
    );
    const project = await send<{ data: { id: string }[] }>(
      t,
      'GET',
      '/partner/projects',
      undefined,
      tenant.owner,
    );
    await send(
      t,
      'POST',
      '/partner/apps',
      { projectId: project.body.data[0]?.id, name: 'Third', environment: 'sandbox' },
      tenant.owner,
    );
    await dispatchAll(tenant.tenantId);
    expect(await types(onlyRevoked)).toEqual(['app.created']);
    expect(await types(otherApp)).toContain('app.created');
    expect(await types(onlyCreated)).toEqual(['api_key.created']);
    // A test event reaches its endpoint only, whatever it subscribes to.
    const test = await send<{ eventId: string }>(
      t,
      'POST',
      '/partner/webhooks/test',
      { endpointId: onlyCreated.body.id },
      tenant.owner,
    );
    expect(test.status).toBe(202);
    await dispatchAll(tenant.tenantId);
    expect(await types(onlyCreated)).toEqual(['api_key.created', 'webhook.test']);
    expect(await types(all)).not.toContain('webhook.test');
  });
});

describe('delivery', () => {
  async function pendingMessage(body: Record<string, unknown> = {}) {
    const tenant = await tenantWithApps(t, `delivery-${Math.random().toString(36).slice(2, 8)}`);
    const endpoint = await createEndpoint({ appId: tenant.appIds[0], ...body }, tenant);
    await send(t, 'POST', '/partner/webhooks/test', { endpointId: endpoint.body.id }, tenant.owner);
    await dispatchAll(tenant.tenantId);
    const [message] = await messagesOf(endpoint.body.id);
    if (!message) throw new Error('no message');
    return { tenant, endpoint: endpoint.body, messageId: message.id };
  }

  it('signs per Standard Webhooks, verifiable by a receiver, and records one success even when run twice', async () => {
    receiver.answer = { status: 200, body: 'thanks' };
    const { endpoint, messageId, tenant } = await pendingMessage();
    const before = receiver.received.length;
    const { requeue, calls } = recordingRequeue();
    expect(await deliverMessage(t.services, messageId, { requeue })).toBe('delivered');
    expect(await deliverMessage(t.services, messageId, { requeue })).toBe('skipped');
    expect(calls).toEqual([]);
    const [delivery] = receiver.received.slice(before);
    if (!delivery) throw new Error('nothing received');
    const verified = new Webhook(endpoint.secret as string).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(verified).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
    expect(delivery.headers['webhook-id']).toMatch(/^msg_/);
    const attempts = await t.services.pool.query(
      'SELECT outcome, status_code, response_body FROM webhook_attempts WHERE message_id = $1',
      [messageId],
    );
    expect(attempts.rows).toEqual([{ outcome: 'success', status_code: 200, response_body: 'thanks' }]);
    // Open dashboards hear of the attempt once (the duplicate run announced nothing).
    const { rows: live } = await t.services.pool.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM live_events WHERE tenant_id = $1 AND type = 'webhook.delivery'`,
      [tenant.tenantId],
    );
    expect(live.map((row) => row.data)).toEqual([
      {
        endpointId: endpoint.id,
        deliveryId: delivery.headers['webhook-id'],
        attempt: 1,
        outcome: 'success',
        statusCode: 200,
      },
    ]);
    const logs = await send<{ data: { status: string; deliveryId: string; attempt: number }[] }>(
      t,
      'GET',
      `/partner/webhooks/logs?status=success&endpointId=${endpoint.id}`,
      undefined,
      tenant.owner,
    );
    expect(logs.body.data).toEqual([
      expect.objectContaining({ status: 'success', attempt: 1, deliveryId: delivery.headers['webhook-id'] }),
    ]);
    const stats = await send<{ successes: number; successRate: number; heatmap: unknown[] }>(
      t,
      'GET',
      `/partner/webhooks/${endpoint.id}/stats`,
      undefined,
      tenant.owner,
    );
    expect(stats.body).toMatchObject({ successes: 1, failures: 0, successRate: 100 });
    expect(stats.body.heatmap).toHaveLength(1);
    const list = await send<{ data: Endpoint[] }>(t, 'GET', '/partner/webhooks', undefined, tenant.owner);
    expect(list.body.data[0]?.successRate7d).toBe(100);
    const retried = await send<Problem>(
      t,
      'POST',
      `/partner/webhooks/deliveries/${delivery.headers['webhook-id']}/retry`,
      undefined,
      tenant.owner,
    );
    expect(retried.status).toBe(409);
  });

  it('records a failed attempt and schedules the next one after about 5 s', async () => {
    receiver.answer = { status: 500, body: 'boom' };
    const { messageId, endpoint, tenant } = await pendingMessage();
    const now = new Date();
    const { requeue, calls } = recordingRequeue();
    expect(await deliverMessage(t.services, messageId, { requeue, now: () => now })).toBe('failed');
    const [retry] = calls;
    expect(retry?.messageId).toBe(messageId);
    const delay = (retry?.startAfter?.getTime() ?? 0) - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(4000);
    expect(delay).toBeLessThanOrEqual(6000);
    const [message] = await messagesOf(endpoint.id);
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    const logs = await send<{
      data: { status: string; statusCode: number; responseBody: string; error: string }[];
    }>(t, 'GET', `/partner/webhooks/${endpoint.id}/logs`, undefined, tenant.owner);
    expect(logs.body.data).toEqual([
      expect.objectContaining({ status: 'failed', statusCode: 500, responseBody: 'boom' }),
    ]);
    const endpointRow = await send<{ failingSince: string | null }>(
      t,
      'GET',
      `/partner/webhooks/${endpoint.id}`,
      undefined,
      tenant.owner,
    );
    expect(endpointRow.body.failingSince).not.toBeNull();
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    receiver.answer = { status: 302, body: '', headers: { location: 'http://169.254.169.254/' } };
    const { messageId } = await pendingMessage();
    const before = receiver.received.length;
    const { requeue } = recordingRequeue();
    expect(await deliverMessage(t.services, messageId, { requeue })).toBe('failed');
    expect(receiver.received.length).toBe(before + 1);
    const { rows } = await t.services.pool.query(
      'SELECT outcome, status_code, error FROM webhook_attempts WHERE message_id = $1',
      [messageId],
    );
    expect(rows).toEqual([
      { outcome: 'failed', status_code: 302, error: expect.stringMatching(/Redirect \(302\) not followed/) },
    ]);
  });

  it('gives up after the eighth attempt', async () => {
    receiver.answer = { status: 503, body: '' };
    const { messageId, endpoint } = await pendingMessage();
    await t.services.pool.query('UPDATE webhook_messages SET attempts = 7 WHERE id = $1', [messageId]);
    const { requeue, calls } = recordingRequeue();
    await deliverMessage(t.services, messageId, { requeue });
    expect(calls).toEqual([]);
    expect((await messagesOf(endpoint.id))[0]).toMatchObject({ status: 'failed', attempts: 8 });
  });

  it('follows the whole schedule against a receiver that is down (controlled clock), then marks it failed', async () => {
    // A port nothing listens on: every attempt is a connection error.
    const closed = `http://127.0.0.1:${await freePort()}/down`;
    const { messageId, endpoint } = await pendingMessage({ url: closed });
    const { requeue, calls } = recordingRequeue();
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await deliverMessage(t.services, messageId, { requeue, now: () => now })).toBe('failed');
      const next = calls[attempt - 1]?.startAfter;
      if (attempt === MAX_ATTEMPTS) {
        expect(next).toBeUndefined();
        break;
      }
      // After attempt n, the delay before attempt n + 1: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h ±20%.
      const delay = (next?.getTime() ?? 0) - now.getTime();
      const planned = RETRY_DELAYS_MS[attempt] as number;
      expect(delay).toBeGreaterThanOrEqual(planned * 0.8);
      expect(delay).toBeLessThanOrEqual(planned * 1.2);
      now = next as Date;
    }
    expect(calls).toHaveLength(MAX_ATTEMPTS - 1);
    expect(RETRY_DELAYS_MS.slice(1)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000].map((s) => s * 1000));
    expect((await messagesOf(endpoint.id))[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const { rows } = await t.services.pool.query<{ attempt: number; outcome: string; error: string }>(
      'SELECT attempt, outcome, error FROM webhook_attempts WHERE message_id = $1 ORDER BY attempt',
      [messageId],
    );
    expect(rows.map((row) => `${row.attempt}:${row.outcome}`)).toEqual(
      RETRY_DELAYS_MS.map((_, index) => `${index + 1}:failed`),
    );
    expect(rows.every((row) => row.error.length > 0)).toBe(true);
  });

  const endpointLink = (id: string) => `/webhooks/endpoints/${id}`;
  const notices = async (tenantId: string) =>
    (
      await t.services.pool.query<{ category: string; link: string }>(
        `SELECT category, link FROM notifications WHERE tenant_id = $1 ORDER BY created_at, category`,
        [tenantId],
      )
    ).rows;

  it('disables an endpoint failing for five days: audit entry, webhook_endpoint.disabled event, owners told', async () => {
    receiver.answer = { status: 500, body: '' };
    const { messageId, endpoint, tenant } = await pendingMessage();
    const start = new Date();
    const { requeue } = recordingRequeue();
    await deliverMessage(t.services, messageId, { requeue, now: () => start });
    const fourDays = new Date(start.getTime() + 4 * 24 * 3600 * 1000);
    await deliverMessage(t.services, messageId, { requeue, now: () => fourDays });
    expect(
      (await send<Endpoint>(t, 'GET', `/partner/webhooks/${endpoint.id}`, undefined, tenant.owner)).body
        .enabled,
    ).toBe(true);
    // Failing for days: the people who manage webhooks are told once for this streak.
    await deliverMessage(t.services, messageId, { requeue, now: () => fourDays });
    expect(await notices(tenant.tenantId)).toEqual([
      { category: 'webhook_failing', link: endpointLink(endpoint.id) },
    ]);
    const fiveDays = new Date(start.getTime() + 5 * 24 * 3600 * 1000 + 60_000);
    await deliverMessage(t.services, messageId, { requeue, now: () => fiveDays });
    expect(await notices(tenant.tenantId)).toEqual([
      { category: 'webhook_failing', link: endpointLink(endpoint.id) },
      { category: 'webhook_disabled', link: endpointLink(endpoint.id) },
    ]);
    // Disabling is important: it is mailed as well (queued with the change).
    const { rows: mails } = await t.services.pool.query<{ subject: string }>(
      `SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' ILIKE '%disabled%'`,
    );
    expect(mails.length).toBeGreaterThan(0);
    const disabled = await send<Endpoint>(
      t,
      'GET',
      `/partner/webhooks/${endpoint.id}`,
      undefined,
      tenant.owner,
    );
    expect(disabled.body).toMatchObject({
      enabled: false,
      disabledReason: 'Every delivery failed for 5 days.',
    });
    const audit = await auditEvents(t, tenant.tenantId, 'webhook_endpoint.disabled');
    expect(audit).toHaveLength(1);
    const { rows } = await t.services.pool.query<{ payload: { endpointId: string } }>(
      `SELECT payload FROM events WHERE tenant_id = $1 AND type = 'webhook_endpoint.disabled'`,
      [tenant.tenantId],
    );
    expect(rows.map((row) => row.payload.endpointId)).toEqual([endpoint.id]);
    // A pending message of a disabled endpoint is not sent.
    const before = receiver.received.length;
    expect(await deliverMessage(t.services, messageId, { requeue })).toBe('skipped');
    expect(receiver.received.length).toBe(before);
    // Enabling it again clears the failure state.
    const enabled = await send<Endpoint & { failingSince: string | null }>(
      t,
      'PATCH',
      `/partner/webhooks/${endpoint.id}`,
      { enabled: true },
      tenant.owner,
    );
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it('retries one failed delivery and replays failed ones since a time; bad windows are 400s', async () => {
    receiver.answer = { status: 500, body: '' };
    const { messageId, endpoint, tenant } = await pendingMessage();
    await t.services.pool.query(`UPDATE webhook_messages SET status = 'failed' WHERE id = $1`, [messageId]);
    const jobs = async () =>
      (
        await t.services.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhooks.deliver' AND data->>'messageId' = $1`,
          [messageId],
        )
      ).rows[0]?.n ?? 0;
    const queued = await jobs();
    const publicDelivery = toPublicId('delivery', messageId);
    const retried = await send<{ status: string }>(
      t,
      'POST',
      `/partner/webhooks/deliveries/${publicDelivery}/retry`,
      undefined,
      tenant.owner,
    );
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe('pending');
    expect(await jobs()).toBe(queued + 1);
    expect(
      (await send(t, 'POST', `/partner/webhooks/deliveries/${publicDelivery}/retry`, undefined, rival.owner))
        .status,
    ).toBe(404);

    await t.services.pool.query(`UPDATE webhook_messages SET status = 'failed' WHERE id = $1`, [messageId]);
    for (const since of [
      new Date(Date.now() + 3600_000).toISOString(),
      new Date(Date.now() - 31 * 24 * 3600_000).toISOString(),
    ]) {
      const refused = await send<Problem>(
        t,
        'POST',
        `/partner/webhooks/${endpoint.id}/replay`,
        { since },
        tenant.owner,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.map((e) => e.path)).toEqual(['body.since']);
    }
    expect(await jobs()).toBe(queued + 1);
    expect(
      (await send(t, 'POST', `/partner/webhooks/${endpoint.id}/replay`, { since: 'yesterday' }, tenant.owner))
        .status,
    ).toBe(400);
    const replayed = await send<{ count: number }>(
      t,
      'POST',
      `/partner/webhooks/${endpoint.id}/replay`,
      { since: new Date(Date.now() - 3600_000).toISOString() },
      tenant.owner,
    );
    expect(replayed).toMatchObject({ status: 202, body: { count: 1 } });
    expect(await jobs()).toBe(queued + 2);
    expect((await messagesOf(endpoint.id))[0]?.status).toBe('pending');
  });
});
