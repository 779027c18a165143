import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/harness/accounts.js';
import {
  auditEvents,
  errorPaths,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { insertAnalysis, insertCustomer, insertStatement } from './customers-test-support.js';

interface Row {
  id: string;
  externalRef: string;
  persona: { key: string; label: string } | null;
  driftLevel: string | null;
  driftPsi: number | null;
  riskLevel: string | null;
  ageBand: string | null;
  transactionCount: number;
  lastTransactionOn: string | null;
  archivedAt: string | null;
}
interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
interface Profile extends Row {
  birthYear: number | null;
  mergedIntoId: string | null;
  mergedFrom: { id: string; externalRef: string }[];
  latestAnalysis: { id: string; persona: { key: string; reasons: { code: string }[] } } | null;
}

let t: TestApp;
let bank: TenantAccounts;
let other: TenantAccounts;
const year = new Date().getUTCFullYear();
/** Public ids by external reference. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  bank = await ownerAndViewer(t, 'bank');
  other = await ownerAndViewer(t, 'other');
  const pool = t.services.pool;
  const add = async (fixture: Parameters<typeof insertCustomer>[2]) => {
    const id = await insertCustomer(pool, bank.tenantId, fixture);
    ids[fixture.externalRef] = toPublicId('customer', id);
    return id;
  };
  const saver = await add({
    externalRef: 'ACME-001',
    displayName: 'Wanjiru Kamau',
    birthYear: year - 30,
    gender: 'female',
    region: 'Nairobi',
    riskLevel: 'low',
  });
  await insertStatement(pool, bank.tenantId, saver, [
    { bookedOn: '2025-06-01', amount: '85000.00', description: 'SALARY JUNE', category: 'salary' },
    { bookedOn: '2025-06-03', amount: '-1250.50', description: 'NAIVAS WESTLANDS', category: 'groceries' },
    { bookedOn: '2025-05-20', amount: '-300.00', description: '=HYPERLINK("x")', category: 'transport' },
  ]);
  await insertAnalysis(pool, bank.tenantId, saver, { persona: 'salaried_saver', month: '2025-05' });
  await insertAnalysis(pool, bank.tenantId, saver, { persona: 'salaried_saver', driftLevel: 'moderate' });
  await add({
    externalRef: 'ACME-002',
    displayName: 'Otieno Odhiambo',
    birthYear: year - 50,
    gender: 'male',
    region: 'Mombasa',
    persona: 'high_risk_gambler',
    driftLevel: 'alert',
    driftPsi: 0.4,
    riskLevel: 'high',
  });
  await add({ externalRef: 'ACME-003', persona: 'high_risk_gambler', driftLevel: 'none', driftPsi: 0.02 });
  await add({ externalRef: 'ACME-004', displayName: 'Old account', archived: true });
  await add({ externalRef: 'ACME_5%', displayName: 'Literal wildcards' });
  await insertCustomer(pool, other.tenantId, { externalRef: 'ACME-001', displayName: 'Other bank' });
});
afterAll(async () => t?.close());

const list = (query: string, as = bank.owner) =>
  send<Page<Row>>(t, 'GET', `/partner/customers${query}`, undefined, as);
const refs = (page: Page<Row>) => page.data.map((row) => row.externalRef).sort();

describe('GET /partner/customers', () => {
  it('lists active customers newest first with persona, drift, risk and counters', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.data.map((row) => row.externalRef)).toEqual(['ACME_5%', 'ACME-003', 'ACME-002', 'ACME-001']);
    const saver = body.data.find((row) => row.externalRef === 'ACME-001');
    expect(saver).toMatchObject({
      // The label comes from the engine's persona catalogue.
      persona: { key: 'salaried_saver', label: 'Salaried saver' },
      driftLevel: 'moderate',
      riskLevel: 'low',
      ageBand: '25-34',
      transactionCount: 3,
      lastTransactionOn: '2025-06-03',
    });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by persona, drift level, risk level, region, gender and age band', async () => {
    expect(refs((await list('?persona=high_risk_gambler')).body)).toEqual(['ACME-002', 'ACME-003']);
    expect(refs((await list('?driftLevel=alert')).body)).toEqual(['ACME-002']);
    expect(refs((await list('?riskLevel=low')).body)).toEqual(['ACME-001']);
    expect(refs((await list('?region=nairobi')).body)).toEqual(['ACME-001']);
    expect(refs((await list('?gender=male')).body)).toEqual(['ACME-002']);
    expect(refs((await list('?ageBand=45-54')).body)).toEqual(['ACME-002']);
    expect(refs((await list('?persona=high_risk_gambler&driftLevel=none')).body)).toEqual(['ACME-003']);
  });

  it('filters by activity in a period: a history reaching into it (booked 2025-05-20 to 2025-06-03)', async () => {
    expect(refs((await list('?activeFrom=2025-06-03')).body)).toEqual(['ACME-001']);
    expect(refs((await list('?activeFrom=2025-06-04')).body)).toEqual([]);
    expect(refs((await list('?activeTo=2025-05-20')).body)).toEqual(['ACME-001']);
    expect(refs((await list('?activeTo=2025-05-19')).body)).toEqual([]);
    expect(refs((await list('?activeFrom=2025-01-01&activeTo=2025-05-31')).body)).toEqual(['ACME-001']);
    const bad = await list('?activeFrom=June');
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body as unknown as Problem)).toEqual(['query.activeFrom']);
  });

  it('searches the external reference, the display name and the customer id', async () => {
    expect(refs((await list('?q=odhiambo')).body)).toEqual(['ACME-002']);
    expect(refs((await list('?q=acme-00')).body)).toEqual(['ACME-001', 'ACME-002', 'ACME-003']);
    expect(refs((await list(`?q=${ids['ACME-003']}`)).body)).toEqual(['ACME-003']);
    // `%` and `_` are characters to find, not patterns.
    expect(refs((await list(`?q=${encodeURIComponent('_5%')}`)).body)).toEqual(['ACME_5%']);
    expect((await list('?q=nobody')).body.data).toEqual([]);
  });

  it('hides archived customers by default and shows them on request', async () => {
    expect(refs((await list('?archived=true')).body)).toEqual(['ACME-004']);
    expect((await list('?archived=all')).body.data).toHaveLength(6 - 1);
  });

  it('pages with a cursor without losing or repeating a row', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const { body }: { body: Page<Row> } = await list(
        `?archived=all&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...body.data.map((row) => row.externalRef));
      cursor = body.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    // Newest first by id; ids made within one millisecond order by their random part, so the
    // reference is the unpaged list, not the order the fixtures were inserted in.
    const { body: whole }: { body: Page<Row> } = await list('?archived=all&limit=100');
    expect(seen).toEqual(whole.data.map((row) => row.externalRef));
    expect([...seen].sort()).toEqual(['ACME-001', 'ACME-002', 'ACME-003', 'ACME-004', 'ACME_5%']);
  });

  it('refuses bad filters and cursors with the failing fields', async () => {
    const bad = await list('?driftLevel=extreme&ageBand=12-17&limit=0');
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body as unknown as Problem)).toEqual([
      'query.ageBand',
      'query.driftLevel',
      'query.limit',
    ]);
    const cursor = await list('?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(errorPaths(cursor.body as unknown as Problem)).toEqual(['query.cursor']);
  });

  it('never shows another tenant’s customers', async () => {
    const { body } = await list('', other.owner);
    expect(body.data.map((row) => row.externalRef)).toEqual(['ACME-001']);
    expect(body.data[0]?.id).not.toBe(ids['ACME-001']);
  });
});

describe('GET /partner/customers/{customerId} and its history', () => {
  it('returns the profile with age band and the latest analysis', async () => {
    const { status, body } = await send<Profile>(
      t,
      'GET',
      `/partner/customers/${ids['ACME-001']}`,
      undefined,
      bank.viewer,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      externalRef: 'ACME-001',
      birthYear: year - 30,
      ageBand: '25-34',
      mergedIntoId: null,
      mergedFrom: [],
      latestAnalysis: { persona: { key: 'salaried_saver', reasons: [{ code: 'high_savings_rate' }] } },
    });
  });

  it('lists analyses newest first, with cravings, profile, drift and timeline, by cursor', async () => {
    const first = await send<Page<Record<string, unknown>>>(
      t,
      'GET',
      `/partner/customers/${ids['ACME-001']}/analyses?limit=1`,
      undefined,
      bank.viewer,
    );
    expect(first.status).toBe(200);
    expect(first.body.data[0]).toMatchObject({
      drift: { level: 'moderate', shifts: [{ category: 'gambling' }] },
      cravings: [
        { driver: 'savings', state: 'measured' },
        { driver: 'status', state: 'needs_more_data' },
      ],
      profile: { currency: 'KES', monthlyIncome: 85000 },
      timeline: [{ month: '2025-06', persona: 'salaried_saver' }],
    });
    const second = await send<Page<Record<string, unknown>>>(
      t,
      'GET',
      `/partner/customers/${ids['ACME-001']}/analyses?limit=1&cursor=${first.body.nextCursor}`,
      undefined,
      bank.viewer,
    );
    expect(second.body.data[0]).toMatchObject({ drift: null, timeline: [{ month: '2025-05' }] });
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists transactions newest booking first, by category and date range, by cursor', async () => {
    const path = `/partner/customers/${ids['ACME-001']}/transactions`;
    const all = await send<Page<{ bookedOn: string; amount: string; category: string }>>(
      t,
      'GET',
      path,
      undefined,
      bank.viewer,
    );
    expect(all.body.data.map((row) => row.bookedOn)).toEqual(['2025-06-03', '2025-06-01', '2025-05-20']);
    expect(all.body.data[0]).toMatchObject({
      amount: '-1250.50',
      category: 'groceries',
      categoryConfidence: 0.9,
      categorySource: 'keyword',
    });
    const groceries = await send<Page<{ category: string }>>(
      t,
      'GET',
      `${path}?category=groceries`,
      undefined,
      bank.viewer,
    );
    expect(groceries.body.data.map((row) => row.category)).toEqual(['groceries']);
    const june = await send<Page<{ bookedOn: string }>>(
      t,
      'GET',
      `${path}?from=2025-06-01&to=2025-06-02`,
      undefined,
      bank.viewer,
    );
    expect(june.body.data.map((row) => row.bookedOn)).toEqual(['2025-06-01']);
    const one = await send<Page<{ bookedOn: string }>>(t, 'GET', `${path}?limit=2`, undefined, bank.viewer);
    const rest = await send<Page<{ bookedOn: string }>>(
      t,
      'GET',
      `${path}?limit=2&cursor=${one.body.nextCursor}`,
      undefined,
      bank.viewer,
    );
    expect(rest.body.data.map((row) => row.bookedOn)).toEqual(['2025-05-20']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('answers 404 for another tenant’s customer on every route', async () => {
    const victim = ids['ACME-001'] as string;
    const attempts: [string, string, unknown][] = [
      ['GET', `/partner/customers/${victim}`, undefined],
      ['GET', `/partner/customers/${victim}/analyses`, undefined],
      ['GET', `/partner/customers/${victim}/transactions`, undefined],
      ['GET', `/partner/customers/${victim}/report?format=csv`, undefined],
      ['PATCH', `/partner/customers/${victim}`, { displayName: 'Stolen' }],
      ['POST', `/partner/customers/${victim}/archive`, undefined],
      ['POST', `/partner/customers/${victim}/unarchive`, undefined],
      ['POST', `/partner/customers/${victim}/merge`, { duplicateIds: [ids['ACME-003']] }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(t, method, path, body, other.owner);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    // Nothing changed behind the refusals.
    const { body } = await send<Profile>(t, 'GET', `/partner/customers/${victim}`, undefined, bank.owner);
    expect(body).toMatchObject({ displayName: 'Wanjiru Kamau', archivedAt: null });
  });
});

describe('PATCH /partner/customers/{customerId}', () => {
  it('changes the details given, clears with null, and audits before and after', async () => {
    const path = `/partner/customers/${ids['ACME-003']}`;
    const { status, body } = await send<Profile>(
      t,
      'PATCH',
      path,
      { displayName: '  Achieng  ', birthYear: year - 70, gender: 'Female', region: 'Kisumu' },
      bank.owner,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      displayName: 'Achieng',
      ageBand: '65+',
      gender: 'female',
      region: 'Kisumu',
    });
    const cleared = await send<Profile>(t, 'PATCH', path, { region: null }, bank.owner);
    expect(cleared.body).toMatchObject({ region: null, displayName: 'Achieng' });
    const audit = await auditEvents(t, bank.tenantId, 'customer.updated');
    expect(audit.at(-2)).toMatchObject({
      target_id: ids['ACME-003'],
      before: { displayName: null, region: null },
      after: { displayName: 'Achieng', region: 'Kisumu', gender: 'female' },
    });
    expect(audit.at(-1)).toMatchObject({ before: { region: 'Kisumu' }, after: { region: null } });
  });

  it('answers 400 with the failing fields and changes nothing', async () => {
    const path = `/partner/customers/${ids['ACME-002']}`;
    const bad = await send<Problem>(
      t,
      'PATCH',
      path,
      { birthYear: 1800, gender: 'Not a gender!', displayName: '' },
      bank.owner,
    );
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['body.birthYear', 'body.displayName', 'body.gender']);
    expect((await send<Problem>(t, 'PATCH', path, {}, bank.owner)).status).toBe(400);
    const unknown = await send<Problem>(t, 'PATCH', path, { persona: 'vip' }, bank.owner);
    expect(unknown.status).toBe(400);
    const { body } = await send<Profile>(t, 'GET', path, undefined, bank.owner);
    expect(body).toMatchObject({
      birthYear: year - 50,
      gender: 'male',
      persona: { key: 'high_risk_gambler' },
    });
  });

  it('refuses a Viewer', async () => {
    const response = await send<Problem>(
      t,
      'PATCH',
      `/partner/customers/${ids['ACME-002']}`,
      { region: 'X' },
      bank.viewer,
    );
    expect(response.status).toBe(403);
  });
});

describe('archive and unarchive', () => {
  it('takes a customer out of the default list and back, audited once per change', async () => {
    const path = `/partner/customers/${ids['ACME_5%']}`;
    const archived = await send<Profile>(t, 'POST', `${path}/archive`, undefined, bank.owner);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect(refs((await list('')).body)).not.toContain('ACME_5%');
    expect(refs((await list('?archived=true')).body)).toContain('ACME_5%');
    // Again: already archived, nothing to record.
    expect((await send(t, 'POST', `${path}/archive`, undefined, bank.owner)).status).toBe(200);
    const restored = await send<Profile>(t, 'POST', `${path}/unarchive`, undefined, bank.owner);
    expect(restored.body.archivedAt).toBeNull();
    expect(refs((await list('')).body)).toContain('ACME_5%');
    const audit = await auditEvents(t, bank.tenantId, 'customer.');
    expect(audit.filter((row) => row.target_id === ids['ACME_5%']).map((row) => row.action)).toEqual([
      'customer.archived',
      'customer.unarchived',
    ]);
  });
});

describe('GET /partner/customers/{customerId}/report', () => {
  it('streams the transactions as CSV, formulas neutralised', async () => {
    const response = await call(
      t,
      'GET',
      `/partner/customers/${ids['ACME-001']}/report?format=csv`,
      undefined,
      bank.viewer,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`attachment; filename="customer-${ids['ACME-001']}-\\d{8}T\\d{6}Z\\.csv"`),
    );
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.booked_on, row.amount, row.category, row.category_source])).toEqual([
      ['2025-06-03', '-1250.50', 'groceries', 'keyword'],
      ['2025-06-01', '85000.00', 'salary', 'keyword'],
      ['2025-05-20', '-300.00', 'transport', 'keyword'],
    ]);
    expect(rows[2]?.description).toBe(`'=HYPERLINK("x")`);
  });

  it('streams a PDF', async () => {
    const response = await call(
      t,
      'GET',
      `/partner/customers/${ids['ACME-001']}/report?format=pdf`,
      undefined,
      bank.viewer,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
  });
});
