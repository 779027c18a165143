import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { toPublicId } from '../../kernel/ids/public-id.js';
import { type SeededTrail, seedTrail } from './audit-test-support.js';
import type { AuditEvent } from './services/audit-event-view.js';
import { exportAuditEvents } from './services/export-audit-events.js';

let t: TestApp;
let trail: SeededTrail;
beforeAll(async () => {
  t = await createTestApp();
  trail = await seedTrail(t);
});
afterAll(async () => t?.close());

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell || record.length) records.push([...record, cell]);
  return records;
}

async function download(query: Record<string, string>, account = trail.ada) {
  const response = await call(
    t,
    'GET',
    `/partner/audit/export?${new URLSearchParams(query)}`,
    undefined,
    account,
  );
  return { response, text: await response.text() };
}

describe('GET /partner/audit/export', () => {
  it('streams the filtered events as CSV with a header, as an attachment', async () => {
    const { response, text } = await download({ format: 'csv', action: 'member.' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="audit-${toPublicId('tenant', trail.tenantA)}-\\d{8}T\\d{6}Z\\.csv"$`,
      ),
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = parseCsv(text);
    expect(header?.slice(0, 7)).toEqual([
      'id',
      'seq',
      'occurred_at',
      'actor_type',
      'actor_id',
      'actor_label',
      'action',
    ]);
    expect(rows.map((row) => [row[1], row[6], row[8]])).toEqual([
      ['7', 'member.removed', 'mem_grace'],
      ['3', 'member.role_changed', 'mem_grace'],
      ['2', 'member.added', expect.stringMatching(/^mem_/)],
    ]);
    const roleChange = rows[1] ?? [];
    const column = (name: string) => roleChange[header?.indexOf(name) ?? -1];
    expect(JSON.parse(column('before') ?? '')).toEqual({ role: 'viewer' });
    expect(JSON.parse(column('after') ?? '')).toEqual({ role: 'admin' });
    expect(column('ip')).toBe('203.0.113.7');
    expect(column('hash')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('escapes commas, quotes and line ends, and defuses spreadsheet formulas', async () => {
    const { text } = await download({ format: 'csv' });
    expect(text).toContain('"Line, with ""quotes""\nand more"');
    const rows = parseCsv(text);
    const labels = rows.map((row) => row[9]);
    expect(labels).toContain('Line, with "quotes"\nand more');
    expect(labels).toContain(`'=HYPERLINK("http://x")`);
    // The seeded trail (8 events), and the previous test's export recorded after it (9); this
    // export's own event comes after the snapshot and is not in it.
    expect(rows.slice(1).map((row) => row[1])).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1']);
    expect(rows[1]?.[6]).toBe('audit.exported');
  });

  it('exports JSON as an array of events in the API’s shape', async () => {
    const { response, text } = await download({ format: 'json', targetId: 'mem_grace' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="audit-ten_[0-9a-z]{26}-\d{8}T\d{6}Z\.json"/,
    );
    const events = JSON.parse(text) as AuditEvent[];
    expect(events.map((event) => [event.seq, event.action])).toEqual([
      [7, 'member.removed'],
      [3, 'member.role_changed'],
    ]);
    expect(events[1]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'admin' } });
    const listed = await call(t, 'GET', '/partner/audit/events?targetId=mem_grace', undefined, trail.ada);
    expect(((await listed.json()) as { data: AuditEvent[] }).data).toEqual(events);
  });

  it('exports a header only, or an empty array, when nothing matches', async () => {
    // An action filter, not free text: each export records its filters, which free text would find.
    expect(parseCsv((await download({ action: 'no_such.action' })).text)).toHaveLength(1);
    expect(JSON.parse((await download({ format: 'json', action: 'no_such.action' })).text)).toEqual([]);
  });

  it('exports only the caller’s tenant', async () => {
    const events = JSON.parse((await download({ format: 'json' }, trail.bob)).text) as AuditEvent[];
    expect(events.map((event) => event.seq)).toEqual([3, 2, 1]);
    expect(events.every((event) => !event.actor.label.startsWith('ada'))).toBe(true);
  });

  it('writes batch after batch without repeating or losing rows', async () => {
    const read = async (format: 'csv' | 'json') => {
      const file = await exportAuditEvents(t.services, trail.tenantA, {}, format, { batchSize: 3 });
      return new Response(file.body).text();
    };
    const json = JSON.parse(await read('json')) as AuditEvent[];
    const newest = json[0]?.seq ?? 0;
    expect(newest).toBeGreaterThan(8);
    expect(json.map((event) => event.seq)).toEqual(Array.from({ length: newest }, (_, i) => newest - i));
    const csv = parseCsv(await read('csv'));
    expect(csv.filter((row) => row[0] === 'id')).toHaveLength(1);
    expect(csv.slice(1).map((row) => row[0])).toEqual(json.map((event) => event.id));
  });

  it('refuses an unknown format or a bad filter with a problem', async () => {
    const queries: Record<string, string>[] = [
      { format: 'xml' },
      { to: 'soon' },
      { from: '2025-02-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
    ];
    for (const query of queries) {
      const { response, text } = await download(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(text).code).toBe('validation_failed');
    }
  });

  it('records each export on the trail, with its filters, and the chain still verifies', async () => {
    const from = '2020-01-01T00:00:00.000Z';
    const { response } = await download({ format: 'json', action: 'member.', from });
    expect(response.status).toBe(200);
    const events = (await (
      await call(t, 'GET', '/partner/audit/events?action=audit.exported', undefined, trail.ada)
    ).json()) as { data: AuditEvent[] };
    expect(events.data[0]?.metadata).toMatchObject({ format: 'json', filters: { action: 'member.' } });
    const verified = await call(t, 'GET', '/partner/audit/verify', undefined, trail.ada);
    expect(await verified.json()).toMatchObject({ ok: true });
  });
});
