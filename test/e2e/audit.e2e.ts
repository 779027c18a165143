import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('audit');

beforeAll(async () => {
  await signInDashboard(dashboard(), { email: 'audit-e2e@example.com', organisationName: 'Audit Lens' });
});

describe('audit trail page', () => {
  it('opens from the sidebar and lists the sign-up events', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.getByText('member.added').waitFor();
    expect(await table.getByText('tenant.created').count()).toBe(1);
    expect(await table.getByRole('row').count()).toBe(3);
    await dashboard().screenshot('list');
  });

  it('verifies the chain and shows it intact', async () => {
    const { page } = dashboard();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Chain intact: 2 events verified.').waitFor();
    await dashboard().screenshot('verified');
  });

  it('opens a row to show what changed', async () => {
    const { page } = dashboard();
    await page.getByRole('button', { name: /Details of tenant\.created/ }).click();
    const changes = page.getByRole('table', { name: 'Changes' });
    await changes.getByRole('rowheader', { name: 'name' }).waitFor();
    expect(await changes.getByText('Audit Lens').count()).toBe(1);
    await dashboard().screenshot('expanded');
  });

  it('keeps filters in the URL and exports what they select', async () => {
    const { page } = dashboard();
    await page.getByLabel('Action').fill('member.');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/[?&]action=member\./);
    const table = page.getByRole('table', { name: 'Audit events' });
    // A new filter is a new query: the table shows again once its answer is in.
    await table.getByText('member.added').waitFor();
    expect(await table.getByText('tenant.created').count()).toBe(0);

    await page.reload();
    await table.getByText('member.added').waitFor();
    expect(await page.getByLabel('Action').inputValue()).toBe('member.');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-ten_[0-9a-z]{26}-\d{8}T\d{6}Z\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,seq,occurred_at,/);
    expect(lines.slice(1).map((line) => line.split(',')[6])).toEqual(['member.added']);
  });

  it('logged no errors and never left the machine', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
