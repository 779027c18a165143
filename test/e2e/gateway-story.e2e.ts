import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, browserCookie, getWithKey, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

// The story: a key made in the dashboard calls the Public API, and the call shows on the
// Logs page and the overview. The clipboard is granted so the Copy button can be used for real.
const dashboard = dashboardForFile('gateway-story', { permissions: ['clipboard-read', 'clipboard-write'] });
const suffix = randomUUID().slice(0, 8);
let appId = '';

beforeAll(async () => {
  await signInDashboard(dashboard(), {
    email: `story-${suffix}@example.com`,
    organisationName: `Story E2E ${suffix}`,
  });
  const cookie = await browserCookie(dashboard());
  const project = await apiRequest('POST', '/partner/projects', {
    cookie,
    body: { name: `Story ${suffix}` },
  });
  expect(project.status).toBe(201);
  const app = await apiRequest('POST', '/partner/apps', {
    cookie,
    body: {
      projectId: (project.body as { id: string }).id,
      name: `Story app ${suffix}`,
      environment: 'sandbox',
    },
  });
  expect(app.status).toBe(201);
  appId = (app.body as { id: string }).id;
});

describe('a key from the dashboard, its call on the Logs page and the overview', () => {
  let secret = '';

  it('creates a key and copies its secret with the Copy button', async () => {
    const { page } = dashboard();
    await page.goto(`/tenancy/apps/${appId}?tab=keys`);
    await page.getByRole('button', { name: 'Create key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Label').fill('Story server');
    await dialog.getByLabel('apps:read', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const reveal = page.getByRole('dialog', { name: 'Your new API key' });
    const shown = (await reveal.getByTestId('api-key-secret').textContent()) ?? '';
    await reveal.getByRole('button', { name: 'Copy the key' }).click();
    await reveal.getByText('Copied').waitFor();
    secret = await page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toBe(shown);
    expect(secret).toMatch(/^atr_test_/);
    await reveal.getByRole('button', { name: 'Done' }).click();
  });

  it('calls GET /v1/me with the copied key', async () => {
    const me = await getWithKey('/v1/me', secret);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ label: 'Story server', scopes: ['apps:read'] });
  });

  it('shows the call on the Logs page, filtered and expanded, with the key redacted', async () => {
    const { page } = dashboard();
    await page.goto('/logs?q=/v1/me');
    const row = page.getByRole('row', { name: /\/v1\/me/ });
    // The writer flushes every ~200 ms: reload until the row is there.
    await expect
      .poll(
        async () => {
          await page.reload();
          // Count once the list has loaded: the table, or the empty state while nothing matches.
          await page
            .getByRole('table', { name: 'API requests' })
            .or(page.getByRole('heading', { level: 2, name: 'No requests match these filters' }))
            .waitFor();
          return row.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await row.first().getByText('200').waitFor();
    await page.getByLabel('Status').selectOption('2xx');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('statusClass')).toBe('2xx');
    await row
      .first()
      .getByRole('button', { name: /Details of GET \/v1\/me/ })
      .click();
    const request = page.getByRole('region', { name: 'Request' });
    await request.getByText('[REDACTED]').first().waitFor();
    expect(await page.content()).not.toContain(secret);
    await dashboard().screenshot('logs-v1-me');
  });

  it('counts the call on the overview, whose endpoint row leads back to the Logs page', async () => {
    const { page } = dashboard();
    await page.goto('/');
    const endpoint = page.getByTestId('endpoint-row').filter({ hasText: '/v1/me' });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('stat-calls').waitFor();
          return endpoint.count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await endpoint.first().getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/logs');
    expect(new URL(page.url()).searchParams.get('route')).toBe('/v1/me');
    await page
      .getByRole('row', { name: /\/v1\/me/ })
      .first()
      .waitFor();
    await dashboard().screenshot('overview-to-logs');
  });
});
