import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, browserCookie, getWithKey, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

// Needs the request-log writer (the logs module) to fill the rollups from real requests.
const dashboard = dashboardForFile('overview');
const suffix = randomUUID().slice(0, 8);
const CALLS = 12;
let keyId = '';
let secret = '';

beforeAll(async () => {
  await signInDashboard(dashboard(), {
    email: `overview-${suffix}@example.com`,
    organisationName: `Overview E2E ${suffix}`,
  });
  const cookie = await browserCookie(dashboard());
  const project = await apiRequest('POST', '/partner/projects', {
    cookie,
    body: { name: `Overview E2E project ${suffix}` },
  });
  expect(project.status).toBe(201);
  const app = await apiRequest('POST', '/partner/apps', {
    cookie,
    body: {
      projectId: (project.body as { id: string }).id,
      name: `Overview app ${suffix}`,
      environment: 'sandbox',
    },
  });
  expect(app.status).toBe(201);
  const key = await apiRequest('POST', '/partner/api-keys', {
    cookie,
    body: { appId: (app.body as { id: string }).id, label: 'Overview server', scopes: ['apps:read'] },
  });
  expect(key.status, JSON.stringify(key.body)).toBe(201);
  ({ id: keyId, secret } = key.body as { id: string; secret: string });
  // Real traffic: the app's server lists apps with its key.
  for (let call = 0; call < CALLS; call++)
    expect((await getWithKey('/partner/apps', secret)).status).toBe(200);
});

/** The calls counted for the key's route, read from the endpoint table after a reload. */
async function endpointCalls(): Promise<number> {
  const { page } = dashboard();
  await page.reload();
  await page.getByTestId('stat-calls').waitFor();
  const row = page
    .getByTestId('endpoint-row')
    .filter({ hasText: '/partner/apps' })
    .filter({ hasText: 'GET' });
  if ((await row.count()) === 0) return 0;
  const calls = (await row.first().getByRole('cell').nth(1).textContent()) ?? '0';
  return Number(calls.replace(/\D/g, ''));
}

describe('the overview', () => {
  it('shows the cards and the endpoint table for the traffic a key made', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expect.poll(endpointCalls, { timeout: 30_000, interval: 1_000 }).toBeGreaterThanOrEqual(CALLS);
    for (const card of ['stat-calls', 'stat-error-rate', 'stat-p95', 'stat-seats']) {
      await page.getByTestId(card).waitFor();
    }
    expect(
      Number(((await page.getByTestId('stat-calls').locator('h3').textContent()) ?? '').replace(/\D/g, '')),
    ).toBeGreaterThanOrEqual(CALLS);
    // The key called the API (and so did the signed-in member, through the dashboard).
    expect(await page.getByTestId('stat-seats').textContent()).toContain('1 API key');
    await page.getByTestId('usage-chart').waitFor();
    await page.getByTestId('api-health').getByText('Operational').waitFor();
    await dashboard().screenshot('overview');
  });

  it('switches the range and keeps it in the URL', async () => {
    const { page } = dashboard();
    await page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: /^7d/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('7d');
    await page.getByText('Per hour over the last 7 days.').waitFor();
    await page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: /^30d/ }).click();
    await page.getByText('Per day over the last 30 days.').waitFor();
    expect(await page.getByRole('button', { name: /^30d/ }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByText('Per day over the last 30 days.').waitFor();
    await dashboard().screenshot('overview-30d');
  });

  it('a card and an endpoint row lead to the Logs page with their filter', async () => {
    const { page } = dashboard();
    const rowLink = page
      .getByTestId('endpoint-row')
      .filter({ hasText: '/partner/apps' })
      .first()
      .getByRole('link')
      .first();
    const rowHref = new URL((await rowLink.getAttribute('href')) ?? '', 'http://x');
    expect(rowHref.pathname).toBe('/logs');
    expect(rowHref.searchParams.get('method')).toBe('GET');
    expect(rowHref.searchParams.get('route')).toBe('/partner/apps');

    await page.getByTestId('stat-error-rate').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/logs');
    const url = new URL(page.url());
    expect(url.searchParams.get('statusClass')).toBe('5xx');
    const from = Date.parse(url.searchParams.get('from') ?? '');
    const to = Date.parse(url.searchParams.get('to') ?? '');
    expect(to - from).toBe(30 * 24 * 3_600_000);
  });

  it('the keys list shows requests today and the key’s usage chart', async () => {
    const { page } = dashboard();
    await page.goto('/keys');
    const row = page.getByRole('row', { name: /Overview server/ });
    await expect
      .poll(
        async () => {
          await page.reload();
          return Number(
            ((await row.getByTestId('key-requests-today').textContent()) ?? '').replace(/\D/g, ''),
          );
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThanOrEqual(CALLS);
    await row.getByRole('button', { name: 'Usage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Usage of “Overview server”' });
    await dialog.getByTestId('usage-chart').waitFor();
    expect(keyId).toMatch(/^key_/);
    await dashboard().screenshot('key-usage');
  });
});
