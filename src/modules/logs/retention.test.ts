import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { uuidv7 } from '../../kernel/ids/uuidv7.js';
import type { CapturedRequest } from './services/entry.js';
import { persistBatch, prepareRow } from './services/persist.js';
import { enforceRetention } from './services/retention.js';
import { redactorFor } from './services/runtime.js';

const DAY = 86_400_000;
let t: TestApp;
const free = uuidv7();
const enterprise = uuidv7();

function request(tenantId: string, at: number): CapturedRequest {
  const id = uuidv7(at);
  return {
    id,
    createdAt: new Date(at),
    tenantId,
    appId: null,
    keyId: null,
    userId: null,
    requestId: id.slice(0, 8),
    surface: 'public',
    method: 'GET',
    path: '/v1/me',
    route: '/v1/me',
    status: 200,
    latencyMs: 2,
    ip: null,
    userAgent: null,
    requestHeaders: null,
    responseHeaders: null,
    requestBody: null,
    responseBody: null,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.services.pool.query(
    `INSERT INTO tenants (id, name, tier) VALUES ($1, 'Free', 'free'), ($2, 'Big', 'enterprise')`,
    [free, enterprise],
  );
});
afterAll(async () => t?.close());

describe('request log retention', () => {
  it('drops partitions past the longest retention and rows past each tier’s, and makes the coming days', async () => {
    const now = Date.now();
    const batch = [3, 10, 60, 120].flatMap((days) => [
      request(free, now - days * DAY),
      request(enterprise, now - days * DAY),
    ]);
    const client = await t.services.pool.connect();
    try {
      const redactor = redactorFor(t.services);
      await persistBatch(
        client,
        batch.map((entry) => prepareRow(entry, redactor)),
        new Set(),
      );
    } finally {
      client.release();
    }
    const report = await enforceRetention(t.services.pool, new Date(now));
    expect(report.droppedPartitions).toHaveLength(1);
    const { rows } = await t.services.pool.query<{ tier: string; age: number }>(
      `SELECT t.tier, round(extract(epoch FROM (now() - l.created_at)) / 86400)::int AS age
         FROM request_logs l JOIN tenants t ON t.id = l.tenant_id ORDER BY t.tier, age`,
    );
    // free keeps 7 days, enterprise 90: the 120-day partition is gone for both.
    expect(rows.map((row) => `${row.tier} ${row.age}`)).toEqual([
      'enterprise 3',
      'enterprise 10',
      'enterprise 60',
      'free 3',
    ]);
    const tomorrow = new Date(now + DAY).toISOString().slice(0, 10).replaceAll('-', '');
    const { rows: ahead } = await t.services.pool.query('SELECT to_regclass($1) AS name', [
      `request_logs_p${tomorrow}`,
    ]);
    expect(ahead[0]?.name).not.toBeNull();
  });

  it('gives the tenant role no direct access to a partition', async () => {
    const { rows } = await t.services.pool.query<{ allowed: boolean }>(
      `SELECT bool_or(has_table_privilege('atrium_tenant', c.oid, 'SELECT')) AS allowed
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'request_logs'::regclass`,
    );
    expect(rows[0]?.allowed).toBe(false);
  });

  it('lets two writers meet a new day at once: the second finds the first one’s partition', async () => {
    const first = await t.services.pool.connect();
    const second = await t.services.pool.connect();
    try {
      await first.query('BEGIN');
      await first.query(`SELECT atrium_request_log_partition('2031-03-04')`);
      // The second one blocks on the first's lock until it commits, then must not fail.
      const meeting = second.query(`SELECT atrium_request_log_partition('2031-03-04')`);
      await first.query('COMMIT');
      await expect(meeting).resolves.toBeDefined();
      const { rows } = await t.services.pool.query('SELECT to_regclass($1) AS name', [
        'request_logs_p20310304',
      ]);
      expect(rows[0]?.name).toBe('request_logs_p20310304');
    } finally {
      first.release();
      second.release();
    }
  });
});
