import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { pdfText } from '../../../test/harness/pdf-text.js';
import { ownerAndViewer, send, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { exportRequestLogs } from './services/export-logs.js';
import { requestLogWriter } from './services/runtime.js';

type Log = { id: string; path: string; status: number; createdAt: string };

let t: TestApp;
let acme: TenantAccounts;

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'export-acme');
  for (let i = 0; i < 7; i++) {
    await send(t, 'GET', `/partner/projects?n=${i}`, undefined, acme.owner);
    await send(t, 'GET', `/partner/apps/app_nope${i}`, undefined, acme.owner);
  }
  await requestLogWriter(t.services)?.flush();
});
afterAll(async () => t?.close());

const page = async (query: string) =>
  (await send<{ data: Log[] }>(t, 'GET', `/partner/logs?limit=200&${query}`, undefined, acme.owner)).body
    .data;

describe('request log export', () => {
  it('CSV rows parse back to exactly the filtered list', async () => {
    const response = await call(
      t,
      'GET',
      '/partner/logs/export?format=csv&statusClass=4xx',
      undefined,
      acme.owner,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="request-logs-ten_.*\.csv"/,
    );
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const listed = await page('statusClass=4xx');
    expect(listed.length).toBe(7);
    expect(records.map((record) => [record.id, record.path, Number(record.status)])).toEqual(
      listed.map((log) => [log.id, log.path, log.status]),
    );
  });

  it('JSON equals the API’s rows, across several streamed batches', async () => {
    const file = await exportRequestLogs(t.services, { id: acme.tenantId, name: 'Acme' }, {}, 'json', {
      batchSize: 3,
    });
    const exported = JSON.parse(await new Response(file.body).text()) as Log[];
    expect(exported).toEqual(await page(''));
  });

  it('the PDF holds each row’s path and status', async () => {
    const response = await call(
      t,
      'GET',
      '/partner/logs/export?format=pdf&q=/partner/projects',
      undefined,
      acme.owner,
    );
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text.some((line) => line.includes('export-acme org — API request log'))).toBe(true);
    for (const log of await page('q=/partner/projects')) expect(text).toContain(log.path);
  });

  it('refuses a bad format or filter with a 400 before streaming anything', async () => {
    for (const query of [
      'format=xlsx',
      'statusClass=9xx',
      'from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z',
    ]) {
      const response = await call(t, 'GET', `/partner/logs/export?${query}`, undefined, acme.owner);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
