import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { uuidv7 } from '../../kernel/ids/uuidv7.js';
import { enforceWebhookRetention } from './services/retention.js';

const DAY = 86_400_000;
let t: TestApp;

/** A tenant of the tier with one app and one endpoint, written directly: only ages matter here. */
async function tenantWithEndpoint(tier: 'free' | 'enterprise') {
  const tenantId = uuidv7();
  const projectId = uuidv7();
  const appId = uuidv7();
  const endpointId = uuidv7();
  const db = t.services.pool;
  await db.query(`INSERT INTO tenants (id, name, tier) VALUES ($1, $2, $3)`, [
    tenantId,
    `Retention ${tier}`,
    tier,
  ]);
  await db.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'P')`, [projectId, tenantId]);
  await db.query(
    `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'A', 'sandbox')`,
    [appId, tenantId, projectId],
  );
  await db.query(
    `INSERT INTO webhook_endpoints (id, tenant_id, app_id, url, secret) VALUES ($1, $2, $3, 'https://example.com/hook', 'sealed')`,
    [endpointId, tenantId, appId],
  );
  return { tenantId, appId, endpointId };
}

type Owner = Awaited<ReturnType<typeof tenantWithEndpoint>>;

/** An event `daysAgo` old, dispatched (unless said), with one message in `status` and its attempt. */
async function event(
  owner: Owner,
  daysAgo: number,
  options: { status?: 'succeeded' | 'failed' | 'pending'; dispatched?: boolean } = {},
) {
  const at = new Date(Date.now() - daysAgo * DAY);
  const eventId = uuidv7(at.getTime());
  const messageId = uuidv7(at.getTime());
  const db = t.services.pool;
  await db.query(
    `INSERT INTO events (id, tenant_id, app_id, type, payload, created_at, dispatched_at)
     VALUES ($1, $2, $3, 'app.updated', '{}', $4, $5)`,
    [eventId, owner.tenantId, owner.appId, at, options.dispatched === false ? null : at],
  );
  await db.query(`INSERT INTO event_handlings (event_id, subscriber) VALUES ($1, 'audit')`, [eventId]);
  if (options.dispatched !== false) {
    await db.query(
      `INSERT INTO webhook_messages (id, tenant_id, endpoint_id, event_id, status, attempts, created_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6)`,
      [messageId, owner.tenantId, owner.endpointId, eventId, options.status ?? 'succeeded', at],
    );
    await db.query(
      `INSERT INTO webhook_attempts (id, tenant_id, message_id, endpoint_id, app_id, event_type, attempt, outcome,
                                     status_code, latency_ms, request_payload, created_at)
       VALUES ($1, $2, $3, $4, $5, 'app.updated', 1, 'success', 200, 12, '{}', $6)`,
      [uuidv7(at.getTime()), owner.tenantId, messageId, owner.endpointId, owner.appId, at],
    );
  }
  return eventId;
}

async function remaining(owner: Owner) {
  const count = async (sql: string) =>
    Number((await t.services.pool.query<{ n: string }>(sql, [owner.tenantId])).rows[0]?.n);
  return {
    events: await count('SELECT count(*) AS n FROM events WHERE tenant_id = $1'),
    handlings: await count(
      'SELECT count(*) AS n FROM event_handlings h JOIN events e ON e.id = h.event_id WHERE e.tenant_id = $1',
    ),
    messages: await count('SELECT count(*) AS n FROM webhook_messages WHERE tenant_id = $1'),
    attempts: await count('SELECT count(*) AS n FROM webhook_attempts WHERE tenant_id = $1'),
  };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('webhook retention', () => {
  it('deletes events past the tenant’s log retention with their messages and attempts, never one in flight', async () => {
    const free = await tenantWithEndpoint('free');
    const enterprise = await tenantWithEndpoint('enterprise');
    await event(free, 1);
    await event(free, 20);
    await event(free, 20, { status: 'failed' });
    const retrying = await event(free, 20, { status: 'pending' });
    const undispatched = await event(free, 20, { dispatched: false });
    await event(enterprise, 20);
    await event(enterprise, 120);

    const report = await enforceWebhookRetention(t.services.pool);

    // Free keeps 7 days: the 20-day-old delivered and failed events go; the retrying and the
    // undispatched ones stay. Enterprise keeps 90 days.
    expect(report.deletedEvents).toBeGreaterThanOrEqual(3);
    expect(await remaining(free)).toEqual({ events: 3, handlings: 3, messages: 2, attempts: 2 });
    const { rows } = await t.services.pool.query<{ id: string }>(
      'SELECT id FROM events WHERE tenant_id = $1 ORDER BY id',
      [free.tenantId],
    );
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining([retrying, undispatched]));
    expect(await remaining(enterprise)).toEqual({ events: 1, handlings: 1, messages: 1, attempts: 1 });
    // A second run finds nothing more.
    const again = await enforceWebhookRetention(t.services.pool);
    expect(await remaining(free)).toEqual({ events: 3, handlings: 3, messages: 2, attempts: 2 });
    expect(again.deletedEvents).toBe(0);
  });
});
