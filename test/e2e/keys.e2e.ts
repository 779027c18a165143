import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, browserCookie, getWithKey, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('keys');
const suffix = randomUUID().slice(0, 8);
const appName = `Keys E2E app ${suffix}`;
let appId = '';

beforeAll(async () => {
  await signInDashboard(dashboard(), {
    email: `keys-${suffix}@example.com`,
    organisationName: `Keys E2E ${suffix}`,
  });
  const cookie = await browserCookie(dashboard());
  const project = await apiRequest('POST', '/partner/projects', {
    cookie,
    body: { name: `Keys E2E project ${suffix}` },
  });
  expect(project.status).toBe(201);
  const projectId = (project.body as { id: string }).id;
  const app = await apiRequest('POST', '/partner/apps', {
    cookie,
    body: { projectId, name: appName, environment: 'sandbox' },
  });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  appId = (app.body as { id: string }).id;
});

describe('API keys in the dashboard', () => {
  let secret = '';

  it('creates a key in the app’s Keys tab and shows its secret once', async () => {
    const { page } = dashboard();
    await page.goto(`/tenancy/apps/${appId}?tab=keys`);
    await page.getByRole('heading', { name: 'No API keys yet' }).waitFor();
    await page.getByRole('button', { name: 'Create key' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Label').fill('E2E server');
    await dialog.getByLabel('apps:read', { exact: true }).check();
    await dashboard().screenshot('create-key');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const reveal = page.getByRole('dialog', { name: 'Your new API key' });
    await reveal.getByText('Copy it now: Atrium keeps only a hash and cannot show it again.').waitFor();
    secret = (await reveal.getByTestId('api-key-secret').textContent()) ?? '';
    expect(secret).toMatch(/^atr_(test|live)_/);
    await dashboard().screenshot('key-secret');
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /E2E server/ })
      .getByText('active')
      .waitFor();
    await dashboard().screenshot('keys-tab');
  });

  it('the key calls the API; rotated with no grace, only the new key works', async () => {
    expect((await getWithKey('/partner/apps', secret)).status).toBe(200);
    const { page } = dashboard();
    await page
      .getByRole('row', { name: /E2E server/ })
      .getByRole('button', { name: 'Rotate' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Rotate “E2E server”' });
    await dialog.getByLabel('Grace period').selectOption('0');
    await dashboard().screenshot('rotate-key');
    await dialog.getByRole('button', { name: 'Rotate key' }).click();
    const reveal = page.getByRole('dialog', { name: 'The new key for “E2E server”' });
    await reveal.getByText('Copy it now: Atrium keeps only a hash and cannot show it again.').waitFor();
    const rotated = (await reveal.getByTestId('api-key-secret').textContent()) ?? '';
    expect(rotated).toMatch(/^atr_(test|live)_/);
    expect(rotated).not.toBe(secret);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect((await getWithKey('/partner/apps', secret)).status).toBe(401);
    expect((await getWithKey('/partner/apps', rotated)).status).toBe(200);
    secret = rotated;
  });

  it('revoking the key in the UI makes the API refuse it', async () => {
    const { page } = dashboard();
    const active = page.getByRole('row', { name: /E2E server/ }).filter({ hasText: 'active' });
    await active.getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /E2E server/ })
          .filter({ hasText: 'active' })
          .count(),
      )
      .toBe(0);
    expect((await getWithKey('/partner/apps', secret)).status).toBe(401);
  });

  it('lists keys across apps on the API keys page', async () => {
    const { page } = dashboard();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page
      .getByRole('row', { name: /E2E server/ })
      .first()
      .getByRole('link', { name: appName })
      .waitFor();
    await dashboard().screenshot('keys-page');
  });
});
