import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { craving, insertAnalysis, insertCustomer } from './analytics-test-support.js';

let t: TestApp;
let acme: TenantAccounts;
let rival: TenantAccounts;
const ids: Record<string, string> = {};
const analyses: Record<string, string> = {};
const year = new Date().getUTCFullYear();
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'acme-analytics');
  rival = await ownerAndViewer(t, 'rival-analytics');
  const db = t.services.pool;
  const tenant = acme.tenantId;
  ids.ada = await insertCustomer(db, tenant, {
    externalRef: 'ADA',
    region: 'Nairobi',
    gender: 'female',
    birthYear: year - 30,
    persona: 'salaried_saver',
    driftLevel: 'none',
    driftPsi: 0.02,
    cravings: [craving('savings', 0.9, 0.8), craving('convenience', 0.3, 0.6)],
    transactionDays: ['2025-01-10', '2025-03-05'],
  });
  ids.ben = await insertCustomer(db, tenant, {
    externalRef: 'BEN',
    region: 'Nairobi',
    gender: 'male',
    birthYear: year - 40,
    persona: 'salaried_saver',
    driftLevel: 'alert',
    driftPsi: 0.4,
    cravings: [craving('savings', 0.7, 0.6), craving('convenience', null)],
    transactionDays: ['2024-06-01', '2024-12-01'],
  });
  ids.cleo = await insertCustomer(db, tenant, {
    externalRef: 'CLEO',
    region: 'Mombasa',
    gender: 'female',
    birthYear: year - 28,
    persona: 'spender',
    driftLevel: 'moderate',
    driftPsi: 0.15,
    cravings: [craving('savings', 0.1, 0.4), craving('convenience', 0.85, 0.9)],
    transactionDays: ['2025-03-20'],
  });
  ids.dan = await insertCustomer(db, tenant, { externalRef: 'DAN', region: 'Mombasa' });
  // Customers that no longer count: archived, and merged into Ada.
  ids.gone = await insertCustomer(db, tenant, {
    externalRef: 'GONE',
    region: 'Nairobi',
    gender: 'female',
    birthYear: year - 30,
    persona: 'salaried_saver',
    driftLevel: 'alert',
    cravings: [craving('savings', 0.1, 0.9)],
    transactionDays: ['2025-03-03'],
    archived: true,
  });
  ids.twin = await insertCustomer(db, tenant, {
    externalRef: 'TWIN',
    region: 'Nairobi',
    persona: 'salaried_saver',
    driftLevel: 'alert',
    transactionDays: ['2025-03-04'],
    mergedIntoId: ids.ada,
  });
  ids.rival = await insertCustomer(db, rival.tenantId, {
    externalRef: 'RIVAL',
    region: 'Nairobi',
    gender: 'female',
    birthYear: year - 30,
    persona: 'salaried_saver',
    driftLevel: 'alert',
    cravings: [craving('savings', 0.1, 0.9)],
    transactionDays: ['2025-03-02'],
  });

  const shifts = [
    { category: 'gambling', fromShare: 0.01, toShare: 0.2 },
    { category: 'groceries', fromShare: 0.3, toShare: 0.15 },
    { category: 'travel', fromShare: 0.1, toShare: 0.02 },
    { category: 'rent', fromShare: 0.3, toShare: 0.28 },
  ];
  const months = (list: [string, string][]) => list;
  analyses.benOld = await insertAnalysis(db, tenant, ids.ben, {
    persona: 'salaried_saver',
    driftLevel: 'none',
    createdAt: at('2025-04-01T08:00:00Z'),
    months: months([['2025-03', 'salaried_saver']]),
  });
  analyses.ben = await insertAnalysis(db, tenant, ids.ben, {
    persona: 'salaried_saver',
    driftLevel: 'alert',
    driftPsi: 0.4,
    jsDistance: 0.3,
    shifts,
    createdAt: at('2025-05-03T10:00:00Z'),
    months: months([
      ['2025-03', 'spender'],
      ['2025-04', 'salaried_saver'],
    ]),
  });
  analyses.cleoEarly = await insertAnalysis(db, tenant, ids.cleo, {
    persona: 'spender',
    driftLevel: 'moderate',
    driftPsi: 0.12,
    createdAt: at('2025-05-03T12:00:00Z'),
  });
  analyses.cleo = await insertAnalysis(db, tenant, ids.cleo, {
    persona: 'spender',
    driftLevel: 'moderate',
    driftPsi: 0.15,
    createdAt: at('2025-05-10T09:00:00Z'),
    months: months([['2025-04', 'spender']]),
  });
  analyses.ada = await insertAnalysis(db, tenant, ids.ada, {
    persona: 'salaried_saver',
    driftLevel: 'none',
    createdAt: at('2025-05-20T09:00:00Z'),
    months: months([
      ['2025-03', 'salaried_saver'],
      ['2025-04', 'salaried_saver'],
    ]),
  });
  await insertAnalysis(db, tenant, ids.gone, {
    persona: 'salaried_saver',
    driftLevel: 'alert',
    driftPsi: 0.5,
    createdAt: at('2025-05-15T09:00:00Z'),
    months: months([['2025-04', 'salaried_saver']]),
  });
  await insertAnalysis(db, rival.tenantId, ids.rival, {
    persona: 'salaried_saver',
    driftLevel: 'alert',
    driftPsi: 0.5,
    createdAt: at('2025-05-15T09:00:00Z'),
    months: months([['2025-04', 'salaried_saver']]),
  });
});
afterAll(async () => t?.close());

interface PersonaCount {
  key: string;
  label: string;
  count: number;
  share: number;
}
interface OverlayGroup {
  value: string | null;
  total: number;
  personas: PersonaCount[];
}
interface PersonaAnalytics {
  total: number;
  unanalysed: number;
  personas: PersonaCount[];
  overlays: Record<'region' | 'ageBand' | 'gender', OverlayGroup[]>;
  timeline: { month: string; total: number; personas: PersonaCount[] }[];
}
interface DriverStats {
  driver: string;
  label: string;
  measured: number;
  needsMoreData: number;
  leading: number;
  meanScore: number | null;
  meanConfidence: number | null;
  distribution: { from: number; to: number; count: number }[];
}
interface CravingAnalytics {
  customers: number;
  drivers: DriverStats[];
}
interface DriftAnalytics {
  from: string;
  to: string;
  current: Record<'none' | 'moderate' | 'alert' | 'unmeasured', number>;
  granularity: 'day' | 'week';
  timeline: { bucket: string; moderate: number; alert: number }[];
  alerts: {
    id: string;
    customerId: string;
    externalRef: string;
    level: string;
    psi: number | null;
    jsDistance: number | null;
    shifts: { category: string }[];
    createdAt: string;
  }[];
  nextCursor: string | null;
}

const get = <T>(path: string, as: TenantAccounts = acme) =>
  send<T & Problem>(t, 'GET', path, undefined, as.viewer);
const counts = (list: PersonaCount[]) => Object.fromEntries(list.map((entry) => [entry.key, entry.count]));
const groups = (list: OverlayGroup[]) =>
  Object.fromEntries(list.map((group) => [String(group.value), counts(group.personas)]));
const MAY = 'from=2025-05-01T00:00:00Z&to=2025-06-01T00:00:00Z';

describe('GET /partner/analytics/personas', () => {
  it('counts the analysed customers per persona with their shares and catalogue labels, leaving out archived, merged and other tenants', async () => {
    const { status, body } = await get<PersonaAnalytics>('/partner/analytics/personas');
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.unanalysed).toBe(1);
    expect(body.personas).toEqual([
      { key: 'salaried_saver', label: 'Salaried saver', count: 2, share: 2 / 3 },
      { key: 'spender', label: 'Spender', count: 1, share: 1 / 3 },
    ]);
  });

  it('breaks the same counts down by region, age band and gender', async () => {
    const { body } = await get<PersonaAnalytics>('/partner/analytics/personas');
    expect(groups(body.overlays.region)).toEqual({ Nairobi: { salaried_saver: 2 }, Mombasa: { spender: 1 } });
    expect(groups(body.overlays.ageBand)).toEqual({
      '25-34': { salaried_saver: 1, spender: 1 },
      '35-44': { salaried_saver: 1 },
    });
    expect(groups(body.overlays.gender)).toEqual({
      female: { salaried_saver: 1, spender: 1 },
      male: { salaried_saver: 1 },
    });
    const nairobi = body.overlays.region.find((group) => group.value === 'Nairobi');
    expect(nairobi).toMatchObject({ total: 2, personas: [{ key: 'salaried_saver', share: 1 }] });
  });

  it('narrows every figure by region, age band, gender, persona and the history’s overlap with the range', async () => {
    const narrowed = async (query: string) =>
      counts((await get<PersonaAnalytics>(`/partner/analytics/personas?${query}`)).body.personas);
    expect(await narrowed('region=Mombasa')).toEqual({ spender: 1 });
    expect(await narrowed('ageBand=35-44')).toEqual({ salaried_saver: 1 });
    expect(await narrowed('gender=female')).toEqual({ salaried_saver: 1, spender: 1 });
    expect(await narrowed('persona=spender')).toEqual({ spender: 1 });
    // Ben's transactions all predate March 2025.
    expect(await narrowed('from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z')).toEqual({
      salaried_saver: 1,
      spender: 1,
    });
    const female = await get<PersonaAnalytics>('/partner/analytics/personas?gender=female&region=Nairobi');
    expect(groups(female.body.overlays.ageBand)).toEqual({ '25-34': { salaried_saver: 1 } });
  });

  it('counts the personas of each month of the range from the latest analyses’ timelines', async () => {
    const { body } = await get<PersonaAnalytics>(
      '/partner/analytics/personas?from=2025-03-01T00:00:00Z&to=2025-05-01T00:00:00Z',
    );
    expect(body.timeline.map((month) => [month.month, month.total, counts(month.personas)])).toEqual([
      ['2025-03', 2, { salaried_saver: 1, spender: 1 }],
      ['2025-04', 3, { salaried_saver: 2, spender: 1 }],
    ]);
    const savers = await get<PersonaAnalytics>(
      '/partner/analytics/personas?persona=salaried_saver&from=2025-04-01T00:00:00Z&to=2025-06-01T00:00:00Z',
    );
    expect(savers.body.timeline.map((month) => [month.month, counts(month.personas)])).toEqual([
      ['2025-04', { salaried_saver: 2 }],
      ['2025-05', {}],
    ]);
  });

  it('shows the last twelve months without a range', async () => {
    const { body } = await get<PersonaAnalytics>('/partner/analytics/personas');
    expect(body.timeline).toHaveLength(12);
  });
});

describe('GET /partner/analytics/cravings', () => {
  it('gives each driver its measured and needs-more-data counts, mean score and confidence, and score buckets', async () => {
    const { status, body } = await get<CravingAnalytics>('/partner/analytics/cravings');
    expect(status).toBe(200);
    expect(body.customers).toBe(3);
    expect(body.drivers.map((driver) => driver.driver)).toEqual(['convenience', 'savings']);
    const [convenience, savings] = body.drivers;
    expect(savings).toMatchObject({
      label: 'Savings',
      measured: 3,
      needsMoreData: 0,
      meanScore: 0.567,
      meanConfidence: 0.6,
    });
    expect(savings?.distribution.map((bucket) => bucket.count)).toEqual([1, 0, 0, 1, 1]);
    expect(convenience).toMatchObject({
      measured: 2,
      needsMoreData: 1,
      meanScore: 0.575,
      meanConfidence: 0.75,
    });
    expect(convenience?.distribution.map((bucket) => bucket.count)).toEqual([0, 1, 0, 0, 1]);
    expect(convenience?.distribution[4]).toMatchObject({ from: 0.8, to: 1 });
  });

  it('narrows by persona, region, age band and gender', async () => {
    const savings = async (query: string) =>
      (await get<CravingAnalytics>(`/partner/analytics/cravings?${query}`)).body.drivers.find(
        (driver) => driver.driver === 'savings',
      );
    expect(await savings('persona=spender')).toMatchObject({ measured: 1, meanScore: 0.1 });
    expect(await savings('region=Nairobi')).toMatchObject({ measured: 2, meanScore: 0.8 });
    expect(await savings('ageBand=35-44')).toMatchObject({ measured: 1, meanScore: 0.7 });
    expect(await savings('gender=male')).toMatchObject({ measured: 1, meanConfidence: 0.6 });
    expect((await get<CravingAnalytics>('/partner/analytics/cravings?region=Nowhere')).body).toMatchObject({
      customers: 0,
      drivers: [],
    });
  });
});

describe('leading cravings', () => {
  it('counts for how many customers each driver leads, and the customer list filters by it alike', async () => {
    const { body } = await get<CravingAnalytics>('/partner/analytics/cravings');
    const leading = Object.fromEntries(body.drivers.map((driver) => [driver.driver, driver.leading]));
    // Ada 0.9 and Ben 0.7 (his convenience needs more data) lead with savings; Cleo with convenience.
    expect(leading).toEqual({ savings: 2, convenience: 1 });
    const refs = async (craving: string) =>
      (await get<{ data: { externalRef: string }[] }>(`/partner/customers?craving=${craving}`)).body.data.map(
        (customer) => customer.externalRef,
      );
    expect((await refs('savings')).sort()).toEqual(['ADA', 'BEN']);
    expect(await refs('convenience')).toEqual(['CLEO']);
    expect(await refs('social')).toEqual([]);
    // With the other filters, as the dashboard's link carries them.
    const nairobi = await get<CravingAnalytics>('/partner/analytics/cravings?region=Nairobi');
    expect(nairobi.body.drivers.find((driver) => driver.driver === 'savings')?.leading).toBe(2);
    expect(nairobi.body.drivers.find((driver) => driver.driver === 'convenience')?.leading).toBe(0);
  });
});

describe('GET /partner/analytics/catalogue', () => {
  it('lists every persona and craving driver with what it means', async () => {
    const { status, body } = await get<{
      engineVersion: string;
      personas: { key: string; label: string; description: string }[];
      cravingDrivers: { key: string; label: string; description: string }[];
    }>('/partner/analytics/catalogue');
    expect(status).toBe(200);
    expect(body.cravingDrivers.map((driver) => driver.key)).toEqual([
      'convenience',
      'security',
      'status',
      'experience',
      'savings',
      'social',
    ]);
    expect(body.personas.map((persona) => persona.key)).toEqual(
      expect.arrayContaining(['thin_file', 'everyday_spender']),
    );
    for (const entry of [...body.personas, ...body.cravingDrivers]) {
      expect(entry.label.length).toBeGreaterThan(2);
      expect(entry.description.length).toBeGreaterThan(20);
    }
    expect(body.engineVersion).toMatch(/\d/);
  });
});

describe('GET /partner/analytics/drift', () => {
  it('counts customers per drift level now', async () => {
    const { status, body } = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}`);
    expect(status).toBe(200);
    expect(body.current).toEqual({ none: 1, moderate: 1, alert: 1, unmeasured: 1 });
  });

  it('lists moderate and alert analyses newest first, page by page', async () => {
    const first = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}&limit=2`);
    expect(first.body.alerts.map((alert) => alert.id)).toEqual([
      toPublicId('analysis', analyses.cleo as string),
      toPublicId('analysis', analyses.cleoEarly as string),
    ]);
    expect(first.body.alerts[0]).toMatchObject({
      customerId: toPublicId('customer', ids.cleo as string),
      externalRef: 'CLEO',
      level: 'moderate',
      psi: 0.15,
    });
    expect(first.body.nextCursor).toBe(toPublicId('analysis', analyses.cleoEarly as string));
    const second = await get<DriftAnalytics>(
      `/partner/analytics/drift?${MAY}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.alerts).toHaveLength(1);
    expect(second.body.alerts[0]).toMatchObject({
      id: toPublicId('analysis', analyses.ben as string),
      level: 'alert',
      psi: expect.closeTo(0.4, 5),
      jsDistance: 0.3,
      createdAt: '2025-05-03T10:00:00.000Z',
    });
    expect(second.body.alerts[0]?.shifts.map((shift) => shift.category)).toEqual([
      'gambling',
      'groceries',
      'travel',
    ]);
    expect(second.body.nextCursor).toBeNull();
    const alertsOnly = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}&level=alert`);
    expect(alertsOnly.body.alerts.map((alert) => alert.externalRef)).toEqual(['BEN']);
  });

  it('counts moderate and alert analyses per day over a short range, per ISO week over a long one', async () => {
    const daily = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}`);
    expect(daily.body.granularity).toBe('day');
    expect(daily.body.timeline).toHaveLength(31);
    expect(daily.body.timeline.filter((day) => day.moderate + day.alert > 0)).toEqual([
      { bucket: '2025-05-03T00:00:00.000Z', moderate: 1, alert: 1 },
      { bucket: '2025-05-10T00:00:00.000Z', moderate: 1, alert: 0 },
    ]);
    const weekly = await get<DriftAnalytics>(
      '/partner/analytics/drift?from=2025-03-01T00:00:00Z&to=2025-06-01T00:00:00Z',
    );
    expect(weekly.body.granularity).toBe('week');
    expect(weekly.body.timeline[0]?.bucket).toBe('2025-02-24T00:00:00.000Z');
    expect(weekly.body.timeline.filter((week) => week.moderate + week.alert > 0)).toEqual([
      { bucket: '2025-04-28T00:00:00.000Z', moderate: 1, alert: 1 },
      { bucket: '2025-05-05T00:00:00.000Z', moderate: 1, alert: 0 },
    ]);
  });

  it('narrows the levels, the timeline and the feed by the customer filters', async () => {
    const nairobi = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}&region=Nairobi`);
    expect(nairobi.body.current).toEqual({ none: 1, moderate: 0, alert: 1, unmeasured: 0 });
    expect(nairobi.body.alerts.map((alert) => alert.externalRef)).toEqual(['BEN']);
    expect(nairobi.body.timeline.reduce((sum, day) => sum + day.moderate, 0)).toBe(0);
    const spenders = await get<DriftAnalytics>(
      `/partner/analytics/drift?${MAY}&persona=spender&gender=female&ageBand=25-34`,
    );
    expect(spenders.body.alerts.map((alert) => alert.externalRef)).toEqual(['CLEO', 'CLEO']);
    expect(spenders.body.current).toEqual({ none: 0, moderate: 1, alert: 0, unmeasured: 0 });
  });

  it('shows another tenant only its own customers', async () => {
    const { body } = await get<DriftAnalytics>(`/partner/analytics/drift?${MAY}`, rival);
    expect(body.alerts.map((alert) => alert.externalRef)).toEqual(['RIVAL']);
    expect(body.current).toEqual({ none: 0, moderate: 0, alert: 1, unmeasured: 0 });
  });
});

describe('GET /partner/analytics/summary', () => {
  it('counts customers active in the period, at alert now, and alerted in the period', async () => {
    const march = await get<{ activeCustomers: number; customersAtAlert: number; alertsRaised: number }>(
      '/partner/analytics/summary?from=2025-03-01T00:00:00Z&to=2025-03-10T00:00:00Z',
    );
    expect(march.status).toBe(200);
    expect(march.body).toMatchObject({ activeCustomers: 1, customersAtAlert: 1, alertsRaised: 0 });
    const may = await get<{ alertsRaised: number; activeCustomers: number }>(
      `/partner/analytics/summary?${MAY}`,
    );
    expect(may.body).toMatchObject({ activeCustomers: 0, alertsRaised: 1 });
  });
});

describe('analytics validation and access', () => {
  it.each([
    '/partner/analytics/personas?ageBand=17-20',
    '/partner/analytics/cravings?ageBand=old',
    '/partner/analytics/drift?ageBand=',
  ])('refuses an unknown age band: %s', async (path) => {
    const { status, body, contentType } = await get(path);
    expect(status).toBe(400);
    expect(contentType).toBe('application/problem+json');
    expect(body.errors?.map((error) => error.path)).toEqual(['query.ageBand']);
  });

  it.each(['personas', 'cravings', 'drift', 'summary'])('refuses from after to on %s', async (name) => {
    const { status, body } = await get(
      `/partner/analytics/${name}?from=2025-06-01T00:00:00Z&to=2025-05-01T00:00:00Z`,
    );
    expect(status).toBe(400);
    expect(body.code).toBe('validation_failed');
    expect(body.errors?.map((error) => error.path)).toEqual(['query.to']);
  });

  it.each(['personas', 'drift'])(
    'refuses a range longer than five years on %s, even with one end given',
    async (name) => {
      const whole = await get(`/partner/analytics/${name}?from=2015-01-01T00:00:00Z&to=2025-01-01T00:00:00Z`);
      expect(whole.status).toBe(400);
      expect(whole.body.errors?.map((error) => error.path)).toEqual(['query.to']);
      const open = await get(`/partner/analytics/${name}?from=2015-01-01T00:00:00Z`);
      expect(open.status).toBe(400);
      expect(open.body.errors?.map((error) => error.path)).toEqual(['query.from']);
    },
  );

  it('refuses a cursor it did not hand out and a summary without its period', async () => {
    const cursor = await get(`/partner/analytics/drift?cursor=cus_nope`);
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors?.map((error) => error.path)).toEqual(['query.cursor']);
    const summary = await get('/partner/analytics/summary');
    expect(summary.status).toBe(400);
    expect(summary.body.errors?.map((error) => error.path)).toEqual(['query.from', 'query.to']);
  });

  it('answers an API key with customers:read', async () => {
    const project = await send<{ id: string }>(
      t,
      'POST',
      '/partner/projects',
      { name: 'Analytics' },
      acme.owner,
    );
    const app = await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project.body.id, name: 'Analytics app', environment: 'sandbox' },
      acme.owner,
    );
    const key = await send<{ secret: string }>(
      t,
      'POST',
      '/partner/api-keys',
      { appId: app.body.id, label: 'BI export', scopes: ['customers:read'] },
      acme.owner,
    );
    expect(key.status).toBe(201);
    const response = await t.request('/partner/analytics/personas', {
      headers: { authorization: `Bearer ${key.body.secret}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).total).toBe(3);
  });
});
