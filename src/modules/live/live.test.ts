import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn } from '../../../test/harness/accounts.js';
import { readSse, type SseReader } from '../../../test/harness/sse.js';
import { ownerAndViewer, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { endLongLived } from '../../kernel/http/long-lived.js';
import { uuidv7, uuidv7Time } from '../../kernel/ids/uuidv7.js';
import { type CapturedRequest, RequestLogWriter, redactorFor, requestLogWriter } from '../logs/index.js';
import { publishLive } from './index.js';
import { pruneLiveEventsJob } from './jobs/prune-live-events.js';

let first: TestApp;
let second: TestApp;
let acme: TenantAccounts;
let other: TenantAccounts;
const open: SseReader[] = [];

beforeAll(async () => {
  first = await createTestApp();
  // A second instance on the same database: its own notifier connection, as a second API process.
  second = await createTestApp({}, { sameDatabaseAs: first });
  acme = await ownerAndViewer(first, 'live-acme');
  other = await ownerAndViewer(first, 'live-other');
});
afterAll(async () => {
  await Promise.all(open.map((reader) => reader.close()));
  await second?.close();
  await first?.close();
});

/** Opens the stream on an instance and waits until it is subscribed. */
async function connect(t: TestApp, cookie: string, headers: Record<string, string> = {}, query = '') {
  const response = await t.request(`/partner/stream${query}`, { headers: { cookie, ...headers } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = readSse(response);
  open.push(reader);
  await expect.poll(() => reader.comments.includes('connected')).toBe(true);
  return reader;
}

const publish = (tenantId: string, type: string, data: unknown, userId?: string) =>
  withTenant(first.services.pool, tenantId, (tx) => publishLive(tx, { tenantId, userId, type, data }));

const byType = (type: string) => (message: { event?: string }) => message.event === type;

describe('GET /partner/stream', () => {
  it('delivers an event published through another instance, on commit, to its tenant only', async () => {
    const stream = await connect(second, acme.owner.cookie);
    await publish(other.tenantId, 'test.secret', { tenant: 'other' });
    await publish(acme.tenantId, 'test.for-viewer', { to: 'viewer' }, acme.viewer.userId);
    await publish(acme.tenantId, 'test.for-owner', { to: 'owner' }, acme.owner.userId);
    await withTenant(first.services.pool, acme.tenantId, async (tx) => {
      await publishLive(tx, { tenantId: acme.tenantId, type: 'test.rolled-back', data: {} });
      throw new Error('roll back');
    }).catch(() => undefined);
    await publish(acme.tenantId, 'test.ping', { n: 1 });

    const ping = await stream.next(byType('test.ping'));
    expect(JSON.parse(ping.data)).toEqual({ n: 1 });
    expect(ping.id).toMatch(/^lev_[0-9a-z]{26}$/);
    const events = stream.received.map((message) => message.event);
    // NOTIFY is delivered in commit order: everything sent before the ping has arrived by now.
    expect(events).toContain('test.for-owner');
    expect(events).not.toContain('test.secret');
    expect(events).not.toContain('test.for-viewer');
    expect(events).not.toContain('test.rolled-back');
  });

  it('replays missed events after Last-Event-ID, and after ?lastEventId=', async () => {
    const stream = await connect(second, acme.viewer.cookie);
    await publish(acme.tenantId, 'test.seen', { n: 0 });
    const seen = await stream.next(byType('test.seen'));
    await stream.close();
    await publish(acme.tenantId, 'test.missed', { n: 1 });
    await publish(other.tenantId, 'test.missed', { n: 'other tenant' });
    await publish(acme.tenantId, 'test.missed', { n: 2 });

    const resumed = await connect(first, acme.viewer.cookie, { 'last-event-id': seen.id as string });
    expect(JSON.parse((await resumed.next(byType('test.missed'))).data)).toEqual({ n: 1 });
    expect(JSON.parse((await resumed.next(byType('test.missed'))).data)).toEqual({ n: 2 });
    await publish(acme.tenantId, 'test.after', {});
    await resumed.next(byType('test.after'));
    expect(resumed.received.filter(byType('test.missed'))).toHaveLength(2);
    expect(resumed.received.filter(byType('test.seen'))).toHaveLength(0);

    const byQuery = await connect(second, acme.viewer.cookie, {}, `?lastEventId=${seen.id}`);
    await byQuery.next(byType('test.after'));
    expect(byQuery.received.filter(byType('test.missed')).map((message) => message.data)).toEqual([
      '{"n":1}',
      '{"n":2}',
    ]);
  });

  it('sends a compact logs.appended per tenant when request-log lines are stored, and never logs itself', async () => {
    const stream = await connect(second, acme.owner.cookie);
    for (let i = 0; i < 3; i++) await call(first, 'GET', '/partner/projects', undefined, acme.owner);
    await requestLogWriter(first.services)?.flush();
    // The writer also flushes by itself every ~200 ms, so the three lines may come in two events.
    const counted = () =>
      stream.received
        .filter(byType('logs.appended'))
        .reduce((sum, message) => sum + (JSON.parse(message.data) as { count: number }).count, 0);
    await expect.poll(counted).toBe(3);
    await requestLogWriter(second.services)?.flush();
    const { rows } = await first.services.pool.query(
      `SELECT 1 FROM request_logs WHERE path = '/partner/stream'`,
    );
    expect(rows).toEqual([]);
  });

  it('counts a whole flush in one event per tenant, never one per row', async () => {
    const writer = new RequestLogWriter({
      pool: first.services.pool,
      log: first.services.log,
      redactor: redactorFor(first.services),
      intervalMs: 3_600_000,
    });
    const entry = (tenantId: string): CapturedRequest => {
      const id = uuidv7();
      return {
        id,
        createdAt: new Date(uuidv7Time(id)),
        tenantId,
        appId: null,
        keyId: null,
        userId: null,
        requestId: `req_${id}`,
        surface: 'partner',
        method: 'GET',
        path: '/partner/projects',
        route: '/partner/projects',
        status: 200,
        latencyMs: 1,
        ip: null,
        userAgent: null,
        requestHeaders: [],
        responseHeaders: [],
        requestBody: null,
        responseBody: null,
      };
    };
    for (let i = 0; i < 5; i++) writer.push(entry(acme.tenantId));
    writer.push(entry(other.tenantId));
    await writer.close();
    const { rows } = await first.services.pool.query<{ tenant_id: string; data: { count: number } }>(
      `SELECT tenant_id, data FROM live_events WHERE type = 'logs.appended' AND (data->>'count')::int IN (5, 1)
        AND tenant_id = ANY($1::uuid[]) ORDER BY id DESC LIMIT 2`,
      [[acme.tenantId, other.tenantId]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { tenant_id: acme.tenantId, data: { count: 5 } },
        { tenant_id: other.tenantId, data: { count: 1 } },
      ]),
    );
  });

  it('refuses callers without a session, and users outside any tenant', async () => {
    const response = await first.request('/partner/stream');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const loner = await signUpAndSignIn(first, 'live-loner@example.com', { organisationName: null });
    const refused = await first.request('/partner/stream', { headers: { cookie: loner.cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('forbidden');
  });

  it('ends open streams when the process shuts down', async () => {
    const stream = await connect(second, other.owner.cookie);
    endLongLived(second.services);
    await expect(stream.next(byType('never'))).rejects.toThrow('the stream ended');
  });

  it('prunes events older than an hour', async () => {
    await first.services.pool.query(
      `UPDATE live_events SET created_at = now() - interval '2 hours' WHERE type = 'test.seen'`,
    );
    await pruneLiveEventsJob.handle({}, first.services);
    const { rows } = await first.services.pool.query<{ type: string }>(
      'SELECT DISTINCT type FROM live_events',
    );
    expect(rows.map((row) => row.type)).not.toContain('test.seen');
    expect(rows.map((row) => row.type)).toContain('test.missed');
  });
});
