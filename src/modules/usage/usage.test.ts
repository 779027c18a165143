import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertHourRollups } from '../../../test/harness/rollups.js';
import {
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { fromPublicId, toPublicId } from '../../kernel/ids/public-id.js';
import { uuidv7 } from '../../kernel/ids/uuidv7.js';

type Trend = { value: number; previous: number };
type Overview = {
  range: string;
  granularity: string;
  from: string;
  to: string;
  stats: {
    calls: Trend;
    errors: Trend;
    clientErrors: Trend;
    errorRate: Trend;
    p95LatencyMs: { value: number | null; previous: number | null };
    activeSeats: Trend & { members: number; keys: number };
  };
  series: { bucket: string; calls: number; errors: number; clientErrors: number }[];
  endpoints: {
    method: string;
    route: string;
    calls: number;
    errors: number;
    errorRate: number;
    p95LatencyMs: number;
  }[];
  activity: { action: string }[];
  health: {
    status: string;
    database: string;
    uptimePercent: number;
    successRatePercent: number;
    slaMet: boolean;
    slaTargetPercent: number;
  };
};

const HOUR = 3_600_000;
const thisHour = () => new Date(Math.floor(Date.now() / HOUR) * HOUR);
const hoursAgo = (hours: number) => new Date(thisHour().getTime() - hours * HOUR);

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
let keyId: string;
let otherKeyId: string;
let rivalKeyId: string;

async function makeKey(accounts: TenantAccounts, label: string): Promise<string> {
  const project = (
    await send<{ id: string }>(t, 'POST', '/partner/projects', { name: label }, accounts.owner)
  ).body.id;
  const app = (
    await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project, name: `${label} app`, environment: 'sandbox' },
      accounts.owner,
    )
  ).body.id;
  const key = await send<{ id: string }>(
    t,
    'POST',
    '/partner/api-keys',
    { appId: app, label, scopes: ['apps:read'] },
    accounts.owner,
  );
  return key.body.id;
}

beforeAll(async () => {
  // The rollups here are written by the test alone: the test's own API calls are not logged.
  t = await createTestApp({ ATRIUM_REQUEST_LOG: 'false' });
  acme = await ownerAndViewer(t, 'usage-acme');
  rival = await ownerAndViewer(t, 'usage-rival');
  keyId = await makeKey(acme, 'Issuing');
  otherKeyId = await makeKey(acme, 'Reporting');
  rivalKeyId = await makeKey(rival, 'Rival');
  const key = (publicId: string) => fromPublicId('key', publicId) as string;

  await insertHourRollups(t.services.pool, [
    // This period (last 24h): 100 + 20 + 10 + 8 calls on two routes by two keys and one member.
    { tenantId: acme.tenantId, bucket: thisHour(), requests: 100, keyId: key(keyId), latencySlot: 5 },
    {
      tenantId: acme.tenantId,
      bucket: thisHour(),
      requests: 20,
      statusClass: 5,
      keyId: key(keyId),
      latencySlot: 15,
    },
    {
      tenantId: acme.tenantId,
      bucket: hoursAgo(2),
      requests: 10,
      statusClass: 4,
      method: 'POST',
      route: '/partner/api-keys',
      userId: acme.owner.userId,
    },
    { tenantId: acme.tenantId, bucket: hoursAgo(3), requests: 8, keyId: key(otherKeyId), userId: null },
    // The previous period: 40 calls by one key.
    { tenantId: acme.tenantId, bucket: hoursAgo(30), requests: 40, keyId: key(keyId) },
    // Older than both periods of 24h, inside 30d.
    { tenantId: acme.tenantId, bucket: hoursAgo(24 * 10), requests: 1000, keyId: key(keyId) },
    // Another tenant's traffic, in the same hours: never counted for acme.
    { tenantId: rival.tenantId, bucket: thisHour(), requests: 5000, statusClass: 5, keyId: key(rivalKeyId) },
    { tenantId: rival.tenantId, bucket: hoursAgo(2), requests: 700, userId: rival.owner.userId },
  ]);
});
afterAll(async () => t?.close());

describe('GET /partner/overview', () => {
  it('adds up the tenant’s rollups for the period and the one before', async () => {
    const response = await send<Overview>(t, 'GET', '/partner/overview?range=24h', undefined, acme.owner);
    expect(response.status).toBe(200);
    const overview = response.body;
    expect(overview.granularity).toBe('hour');
    expect(overview.series).toHaveLength(24);
    expect(overview.stats.calls).toEqual({ value: 138, previous: 40 });
    expect(overview.stats.errors).toEqual({ value: 20, previous: 0 });
    expect(overview.stats.clientErrors).toEqual({ value: 10, previous: 0 });
    expect(overview.stats.errorRate.value).toBeCloseTo(20 / 138, 5);
    expect(overview.series.reduce((sum, point) => sum + point.calls, 0)).toBe(138);
    expect(overview.series.at(-1)).toMatchObject({
      bucket: thisHour().toISOString(),
      calls: 120,
      errors: 20,
    });
    // 138 calls: 118 at ≤ 10 ms, 20 in (300, 500] ms, so p95 falls among the slow ones.
    expect(overview.stats.p95LatencyMs.value).toBeGreaterThan(300);
    expect(overview.stats.p95LatencyMs.value).toBeLessThanOrEqual(500);
  });

  it('counts active seats as distinct members plus distinct keys', async () => {
    const { body } = await send<Overview>(t, 'GET', '/partner/overview?range=24h', undefined, acme.owner);
    expect(body.stats.activeSeats).toEqual({ value: 3, previous: 1, members: 1, keys: 2 });
  });

  it('lists endpoints busiest first with error rate and p95', async () => {
    const { body } = await send<Overview>(t, 'GET', '/partner/overview?range=24h', undefined, acme.owner);
    expect(
      body.endpoints.map((endpoint) => [endpoint.method, endpoint.route, endpoint.calls, endpoint.errors]),
    ).toEqual([
      ['GET', '/partner/apps', 128, 20],
      ['POST', '/partner/api-keys', 10, 0],
    ]);
    expect(body.endpoints[0]?.errorRate).toBeCloseTo(20 / 128, 5);
    expect(body.endpoints[1]?.p95LatencyMs).toBeGreaterThan(7);
    expect(body.endpoints[1]?.p95LatencyMs).toBeLessThanOrEqual(10);
  });

  it('reports health: the current hour over the 5xx threshold is degraded, the SLA missed', async () => {
    const { body } = await send<Overview>(t, 'GET', '/partner/overview?range=24h', undefined, acme.owner);
    expect(body.health).toMatchObject({
      status: 'degraded',
      database: 'ok',
      slaMet: false,
      slaTargetPercent: 99.9,
    });
    expect(body.health.uptimePercent).toBeCloseTo((23 / 24) * 100, 2);
    expect(body.health.successRatePercent).toBeCloseTo((118 / 138) * 100, 2);
  });

  it('longer ranges chart days and include older traffic', async () => {
    const { body } = await send<Overview>(t, 'GET', '/partner/overview?range=30d', undefined, acme.owner);
    expect(body.granularity).toBe('day');
    expect(body.series).toHaveLength(30);
    expect(body.stats.calls.value).toBe(1178);
    const week = await send<Overview>(t, 'GET', '/partner/overview?range=7d', undefined, acme.owner);
    expect(week.body.series).toHaveLength(168);
    expect(week.body.stats.calls.value).toBe(178);
    // The endpoint table reads whole days from the day rollups and the edges from the hour ones:
    // the same calls, none counted twice or lost.
    const endpointCalls = week.body.endpoints.reduce((sum, endpoint) => sum + endpoint.calls, 0);
    expect(endpointCalls).toBe(178);
  });

  it('shows the audit trail to those who may read it, and nothing else to a viewer', async () => {
    const owner = await send<Overview>(t, 'GET', '/partner/overview', undefined, acme.owner);
    expect(owner.body.range).toBe('24h');
    expect(owner.body.activity.map((event) => event.action)).toContain('api_key.created');
    const viewer = await send<Overview>(t, 'GET', '/partner/overview', undefined, acme.viewer);
    expect(viewer.status).toBe(200);
    expect(viewer.body.stats.calls.value).toBe(138);
    expect(viewer.body.activity).toEqual([]);
  });

  it('never counts another tenant’s rollups', async () => {
    const { body } = await send<Overview>(t, 'GET', '/partner/overview?range=24h', undefined, rival.owner);
    expect(body.stats.calls.value).toBe(5700);
    expect(body.stats.activeSeats).toMatchObject({ members: 1, keys: 1 });
    expect(body.endpoints).toEqual([
      expect.objectContaining({ route: '/partner/apps', calls: 5700, errors: 5000 }),
    ]);
  });

  it('is empty, not an error, for a tenant without traffic', async () => {
    const quiet = await ownerAndViewer(t, 'usage-quiet');
    const { status, body } = await send<Overview>(
      t,
      'GET',
      '/partner/overview?range=90d',
      undefined,
      quiet.owner,
    );
    expect(status).toBe(200);
    expect(body.series).toHaveLength(90);
    expect(body.stats.calls).toEqual({ value: 0, previous: 0 });
    expect(body.stats.p95LatencyMs).toEqual({ value: null, previous: null });
    expect(body.endpoints).toEqual([]);
    expect(body.health).toMatchObject({
      status: 'operational',
      uptimePercent: 100,
      successRatePercent: 100,
      slaMet: true,
    });
  });

  it('refuses a range it does not know with a 400 problem', async () => {
    for (const range of ['1y', '', '24H']) {
      const response = await send<Problem>(
        t,
        'GET',
        `/partner/overview?range=${range}`,
        undefined,
        acme.owner,
      );
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
    }
  });
});

describe('per-key usage', () => {
  it('GET /partner/api-keys/{keyId}/usage: one key’s calls, today and per hour', async () => {
    const response = await send<{
      keyId: string;
      calls: number;
      errors: number;
      errorRate: number;
      requestsToday: number;
      series: { calls: number }[];
    }>(t, 'GET', `/partner/api-keys/${keyId}/usage?range=24h`, undefined, acme.viewer);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ keyId, calls: 120, errors: 20 });
    expect(response.body.errorRate).toBeCloseTo(20 / 120, 5);
    expect(response.body.requestsToday).toBeGreaterThanOrEqual(120);
    expect(response.body.series).toHaveLength(24);
  });

  it('another tenant’s key, a missing one and a malformed id are 404; a bad range is 400', async () => {
    for (const id of [rivalKeyId, toPublicId('key', uuidv7()), 'key_nope', 'not-a-key']) {
      const response = await send<Problem>(t, 'GET', `/partner/api-keys/${id}/usage`, undefined, acme.owner);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    const bad = await send<Problem>(
      t,
      'GET',
      `/partner/api-keys/${keyId}/usage?range=2d`,
      undefined,
      acme.owner,
    );
    expect(bad.status).toBe(400);
  });

  it('GET /partner/usage/keys: today’s calls and error rate of each key of the tenant', async () => {
    const response = await send<{
      data: { keyId: string; requestsToday: number; errorRate: number; calls: number }[];
    }>(t, 'GET', '/partner/usage/keys?range=24h', undefined, acme.owner);
    expect(response.status).toBe(200);
    const byKey = new Map(response.body.data.map((row) => [row.keyId, row]));
    expect([...byKey.keys()].sort()).toEqual([keyId, otherKeyId].sort());
    expect(byKey.get(keyId)).toMatchObject({ calls: 120 });
    expect(byKey.get(keyId)?.errorRate).toBeCloseTo(20 / 120, 5);
    expect(byKey.get(otherKeyId)).toMatchObject({ calls: 8, errorRate: 0 });
    expect(byKey.has(rivalKeyId)).toBe(false);
  });
});
