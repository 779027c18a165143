import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { uuidv7, uuidv7Time } from '../../kernel/ids/uuidv7.js';
import { listen } from '../../server/http-server.js';
import type { CapturedRequest } from './services/entry.js';
import { redactorFor, requestLogWriter } from './services/runtime.js';
import { RequestLogWriter } from './services/writer.js';

type Log = { id: string; path: string; status: number; method: string; keyId: string | null; route: string };
type Page = { data: Log[]; nextCursor: string | null };
type Detail = Log & {
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  responseBody: string | null;
};

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
let secret: string;
let keyId: string;

const flush = () => requestLogWriter(t.services)?.flush();
const withKey = (path: string, method = 'GET', body?: unknown) =>
  send<Problem>(t, method, path, body, { headers: { authorization: `Bearer ${secret}` } });

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'logs-acme');
  rival = await ownerAndViewer(t, 'logs-rival');
  const project = (await send<{ id: string }>(t, 'POST', '/partner/projects', { name: 'Logs' }, acme.owner))
    .body.id;
  const app = (
    await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project, name: 'Backend', environment: 'sandbox' },
      acme.owner,
    )
  ).body.id;
  const key = await send<{ id: string; secret: string }>(
    t,
    'POST',
    '/partner/api-keys',
    { appId: app, label: 'Logger', scopes: ['apps:read', 'logs:read'] },
    acme.owner,
  );
  secret = key.body.secret;
  keyId = key.body.id;
});
afterAll(async () => t?.close());

describe('request log', () => {
  it('records key calls with route, status and key, newest first', async () => {
    await withKey('/partner/apps');
    await withKey('/partner/projects');
    await flush();
    const page = await send<Page>(t, 'GET', `/partner/logs?keyId=${keyId}`, undefined, acme.owner);
    expect(page.status).toBe(200);
    expect(page.body.data.map((log) => `${log.status} ${log.method} ${log.route}`)).toEqual([
      '403 GET /partner/projects',
      '200 GET /partner/apps',
    ]);
    expect(page.body.data.every((log) => log.keyId === keyId)).toBe(true);
  });

  it('never stores a secret sent in a body or a header', async () => {
    const leaked = secret;
    await send(
      t,
      'POST',
      '/partner/projects',
      { name: `project ${leaked}`, password: 'hunter2-hunter2', description: 'x' },
      acme.owner,
    );
    await flush();
    const { rows } = await t.services.pool.query<{ row: string }>(
      `SELECT row_to_json(l)::text AS row FROM request_logs l WHERE tenant_id = $1`,
      [acme.tenantId],
    );
    expect(rows.length).toBeGreaterThan(2);
    const stored = rows.map((row) => row.row).join('\n');
    expect(stored).not.toContain(leaked);
    expect(stored).not.toContain('hunter2-hunter2');
    expect(stored).not.toContain(acme.owner.cookie.split('=')[1]?.split(';')[0]);
    expect(stored).toContain('[REDACTED]');
  });

  it('shows one entry with redacted headers and bodies', async () => {
    const page = await send<Page>(
      t,
      'GET',
      '/partner/logs?method=POST&q=/partner/projects',
      undefined,
      acme.owner,
    );
    const id = page.body.data[0]?.id;
    const entry = await send<Detail>(t, 'GET', `/partner/logs/${id}`, undefined, acme.owner);
    expect(entry.status).toBe(200);
    expect(entry.body.requestHeaders.cookie).toBe('[REDACTED]');
    expect(entry.body.requestBody).toContain('"password":"[REDACTED]"');
    expect(entry.body.responseBody).toContain('"name"');
  });

  it('stores the headers a client got over a socket: the edge’s and the route’s', async () => {
    const server = await listen(t.app.fetch, { port: 0, host: '127.0.0.1' });
    try {
      const answer = await fetch(`http://127.0.0.1:${server.port}/v1/me?over=socket`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(answer.status).toBe(200);
      await flush();
      const { rows } = await t.services.pool.query<{ response_headers: Record<string, string> }>(
        'SELECT response_headers FROM request_logs WHERE request_id = $1',
        [answer.headers.get('x-request-id')],
      );
      expect(rows[0]?.response_headers).toMatchObject({
        'x-request-id': answer.headers.get('x-request-id'),
        'x-content-type-options': 'nosniff',
        'content-type': 'application/json',
        'ratelimit-limit': answer.headers.get('ratelimit-limit'),
      });
    } finally {
      await server.close(1000);
    }
  });

  it('pages with a cursor that continues exactly where the page ended', async () => {
    for (let i = 0; i < 5; i++) await withKey(`/partner/apps?page=${i}`);
    await flush();
    const all = await send<Page>(t, 'GET', '/partner/logs?limit=200', undefined, acme.owner);
    const first = await send<Page>(t, 'GET', '/partner/logs?limit=3', undefined, acme.owner);
    const second = await send<Page>(
      t,
      'GET',
      `/partner/logs?limit=3&cursor=${first.body.nextCursor}`,
      undefined,
      acme.owner,
    );
    expect([...first.body.data, ...second.body.data].map((log) => log.id)).toEqual(
      all.body.data.slice(0, 6).map((log) => log.id),
    );
  });

  it('filters by status class and refuses malformed filters and cursors with 400', async () => {
    const refused = await send<Page>(t, 'GET', '/partner/logs?statusClass=4xx', undefined, acme.owner);
    expect(refused.body.data.length).toBeGreaterThan(0);
    expect(refused.body.data.every((log) => log.status >= 400 && log.status < 500)).toBe(true);
    for (const query of [
      'statusClass=6xx',
      'cursor=bm9wZQ',
      'keyId=nope',
      'from=yesterday',
      'method=TRACE',
    ]) {
      const bad = await send<Problem>(t, 'GET', `/partner/logs?${query}`, undefined, acme.owner);
      expect(bad.status, query).toBe(400);
    }
  });

  it('keeps tenants apart: another tenant sees none of it, and its ids are 404', async () => {
    const theirs = await send<Page>(t, 'GET', '/partner/logs', undefined, rival.owner);
    expect(theirs.body.data.filter((log) => log.keyId === keyId)).toEqual([]);
    const ours = await send<Page>(t, 'GET', '/partner/logs', undefined, acme.owner);
    const other = await send<Problem>(
      t,
      'GET',
      `/partner/logs/${ours.body.data[0]?.id}`,
      undefined,
      rival.owner,
    );
    expect(other.status).toBe(404);
  });

  it('writes per-minute and per-hour rollups as it flushes', async () => {
    const { rows } = await t.services.pool.query<{ requests: number; table: string }>(
      `SELECT 'minute' AS table, sum(requests)::int AS requests FROM request_rollups_minute WHERE tenant_id = $1
       UNION ALL SELECT 'hour', sum(requests)::int FROM request_rollups_hour WHERE tenant_id = $1`,
      [acme.tenantId],
    );
    const { rows: logged } = await t.services.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM request_logs WHERE tenant_id = $1',
      [acme.tenantId],
    );
    expect(rows.map((row) => row.requests)).toEqual([logged[0]?.count, logged[0]?.count]);
  });
});

describe('request log writer', () => {
  const entry = (path: string, responseBody: unknown): CapturedRequest => {
    const id = uuidv7();
    return {
      id,
      createdAt: new Date(uuidv7Time(id)),
      tenantId: acme.tenantId,
      appId: null,
      keyId: null,
      userId: null,
      requestId: id.slice(0, 8),
      surface: 'partner',
      method: 'GET',
      path,
      route: path,
      status: 200,
      latencyMs: 1,
      ip: null,
      userAgent: null,
      requestHeaders: null,
      responseHeaders: null,
      requestBody: null,
      responseBody,
    };
  };

  const testWriter = (options: { intervalMs: number; batchSize?: number }) =>
    new RequestLogWriter({
      pool: t.services.pool,
      log: t.services.log,
      redactor: redactorFor(t.services),
      ...options,
    });

  it('writes a backlog batch after batch without waiting for its clock', async () => {
    // The clock is an hour: only a writer that goes on by itself after each batch empties this buffer.
    const writer = testWriter({ intervalMs: 3_600_000, batchSize: 10 });
    for (let index = 0; index < 60; index++) writer.push(entry('/backlog', { index }));
    await expect.poll(() => writer.pending, { timeout: 10_000 }).toBeLessThan(10);
    await writer.close();
    const { rows } = await t.services.pool.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM request_logs WHERE tenant_id = $1 AND path = '/backlog'`,
      [acme.tenantId],
    );
    expect(rows[0]?.count).toBe(60);
  });

  it('drops an entry that cannot be serialised alone, and the rows around it are stored', async () => {
    const writer = testWriter({ intervalMs: 60_000 });
    writer.push(entry('/before-poison', { ok: true }));
    // A BigInt cannot be serialised.
    writer.push(entry('/poison', { count: 10n }));
    writer.push(entry('/after-poison', { ok: true }));
    await writer.close();
    const { rows } = await t.services.pool.query<{ path: string }>(
      `SELECT path FROM request_logs WHERE tenant_id = $1 AND path LIKE '%poison' ORDER BY id`,
      [acme.tenantId],
    );
    expect(rows.map((row) => row.path)).toEqual(['/before-poison', '/after-poison']);
  });

  it('gives up a batch the database keeps refusing instead of blocking every later row', async () => {
    const writer = testWriter({ intervalMs: 60_000 });
    // Not a UUID: PostgreSQL refuses the COPY on every try.
    writer.push({ ...entry('/refused', { ok: true }), tenantId: 'not-a-tenant' });
    for (let attempt = 0; attempt < 5; attempt++) await writer.flush();
    expect(writer.pending).toBe(0);
    writer.push(entry('/after-refused', { ok: true }));
    await writer.close();
    const { rows } = await t.services.pool.query<{ path: string }>(
      `SELECT path FROM request_logs WHERE tenant_id = $1 AND path IN ('/refused', '/after-refused')`,
      [acme.tenantId],
    );
    expect(rows.map((row) => row.path)).toEqual(['/after-refused']);
  });
});
