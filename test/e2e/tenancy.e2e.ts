import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('tenancy');
const suffix = randomUUID().slice(0, 8);
const organisation = `Tenancy E2E ${suffix}`;
const projectName = `E2E project ${suffix}`;
const appName = `E2E app ${suffix}`;

beforeAll(async () => {
  // The Owner of a fresh tenant: the instance is shared, so nothing else is in it.
  await signInDashboard(dashboard(), {
    email: `tenancy-${suffix}@example.com`,
    organisationName: organisation,
  });
});

describe('projects and apps in the dashboard', () => {
  it('starts from an empty projects page and creates a project', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
    // The top bar's tenant switcher names the organisation the session works in.
    await page.getByRole('button', { name: `Organisation: ${organisation}. Switch organisation` }).waitFor();
    await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
    await dashboard().screenshot('projects-empty');
    await page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill(projectName);
    await dialog.getByLabel('Description').fill('Made by the browser test.');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .getByRole('table', { name: 'Projects' })
      .getByRole('row', { name: new RegExp(projectName) });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('0');
    await dashboard().screenshot('projects');
  });

  it('creates a production app in it and shows its environment badge in the list', async () => {
    const { page, url } = dashboard();
    await page.goto('/tenancy/apps');
    await page.getByRole('button', { name: 'New app' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New app' });
    await dialog.getByLabel('Project').selectOption({ label: projectName });
    await dialog.getByLabel('Name').fill(appName);
    await dialog.getByRole('radio', { name: /Production/ }).check();
    await dashboard().screenshot('new-app');
    await dialog.getByRole('button', { name: 'Create app' }).click();

    // Creating an app opens it.
    await page.getByRole('heading', { level: 1, name: appName }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${url}/tenancy/apps/app_[0-9a-z]{26}$`));

    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    await page.getByLabel('Environment').selectOption('production');
    await page.getByLabel('Search apps by name').fill(suffix);
    const row = page.getByRole('table', { name: 'Apps' }).getByRole('row', { name: new RegExp(appName) });
    await row.waitFor();
    expect(await row.getByText('Production', { exact: true }).isVisible()).toBe(true);
    // The search applies once typing pauses: then only the header row and this app remain.
    await expect.poll(() => page.getByRole('table', { name: 'Apps' }).getByRole('row').count()).toBe(2);
    await dashboard().screenshot('apps');
  });

  it('opens the app’s tabs: overview, and the keys, webhooks and logs modules’ tabs', async () => {
    const { page } = dashboard();
    await page.getByRole('link', { name: appName }).click();
    await page.getByRole('heading', { level: 1, name: appName }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'App sections' });
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([
      'Overview',
      'Keys',
      'Webhooks',
      'Logs',
      'Settings',
    ]);
    await page.getByRole('heading', { name: 'Last 7 days' }).waitFor();
    await page.getByText('Made with this app’s keys').waitFor();

    for (const [tab, heading] of [
      ['Keys', 'No API keys yet'],
      ['Webhooks', 'No webhook endpoints yet'],
      ['Logs', 'No API requests yet'],
    ] as const) {
      await tabs.getByRole('tab', { name: tab }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(page.url()).toContain(`tab=${tab.toLowerCase()}`);
    }
    await dashboard().screenshot('keys-placeholder');
  });

  it('edits the IP allowlist: a bad CIDR shows its error on its row, the fixed list saves canonically', async () => {
    const { page } = dashboard();
    await page.getByRole('tab', { name: 'Settings' }).click();
    const editor = page.getByRole('form', { name: 'IP allowlist' });
    await editor.getByRole('button', { name: 'Add network' }).click();
    await editor.getByLabel('Network 1', { exact: true }).fill('203.0.113.7');
    await editor.getByRole('button', { name: 'Add network' }).click();
    await editor.getByLabel('Network 2', { exact: true }).fill('10.0.0.5/24');
    await editor.getByRole('button', { name: 'Save allowlist' }).click();

    const error = 'Host bits are set after /24; the network is 10.0.0.0/24.';
    await editor.getByText(error).waitFor();
    expect(await editor.getByLabel('Network 2', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await editor.getByLabel('Network 1', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await editor.getByRole('alert').getByText('1 entry is not valid; nothing was saved.').waitFor();
    await dashboard().screenshot('allowlist-error');

    await editor.getByLabel('Network 2', { exact: true }).fill('10.0.0.0/24');
    await editor.getByRole('button', { name: 'Save allowlist' }).click();
    await page.getByText('IP allowlist saved').waitFor();
    // The server stores the bare address as a /32.
    await expect
      .poll(() =>
        page
          .getByRole('form', { name: 'IP allowlist' })
          .getByLabel('Network 1', { exact: true })
          .inputValue(),
      )
      .toBe('203.0.113.7/32');
    await dashboard().screenshot('allowlist-saved');

    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('list', { name: 'Allowed networks' }).getByText('10.0.0.0/24').waitFor();
    // The Owner reads the audit trail: the save is the latest change, the creation before it.
    const changes = page.getByRole('list', { name: 'Recent changes' });
    await changes.getByText('app.updated').waitFor();
    await changes.getByText('app.created').waitFor();
  });

  it('never left the machine, and its only console errors are the one refused save', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toHaveLength(1);
    expect(dashboard().errors[0]).toContain('400');
  });
});
