import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  insertAnalysis,
  insertCustomer,
  insertStatement,
} from '../../src/modules/intelligence/customers/customers-test-support.js';
import { createAccount, query, signIn } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('customers');
const suffix = randomUUID().slice(0, 8);
const pool = new pg.Pool({ connectionString: inject('atriumDatabaseUrl'), max: 2 });

beforeAll(async () => {
  const account = await createAccount({ prefix: `customers-${suffix}` });
  await signIn(dashboard(), account);
  const [membership] = await query<{ tenant_id: string }>(
    `SELECT m.tenant_id FROM memberships m JOIN auth_user u ON u.id = m.user_id WHERE lower(u.email) = lower($1)`,
    [account.email],
  );
  const tenantId = membership?.tenant_id as string;
  // A saver with a history and two analyses (the second with drift), and a customer to search past.
  const saver = await insertCustomer(pool, tenantId, {
    externalRef: `SAVER-${suffix}`,
    displayName: 'Wanjiru Kamau',
    birthYear: new Date().getUTCFullYear() - 31,
    gender: 'female',
    region: 'Nairobi',
  });
  await insertStatement(pool, tenantId, saver, [
    { bookedOn: '2025-06-01', amount: '85000.00', description: 'SALARY JUNE', category: 'salary' },
    { bookedOn: '2025-06-03', amount: '-1250.50', description: 'NAIVAS WESTLANDS', categoryConfidence: 0.93 },
  ]);
  await insertAnalysis(pool, tenantId, saver, { persona: 'salaried_saver', month: '2025-05' });
  await insertAnalysis(pool, tenantId, saver, { persona: 'salaried_saver', driftLevel: 'alert' });
  await insertCustomer(pool, tenantId, { externalRef: `OTHER-${suffix}`, displayName: 'Otieno Odhiambo' });
});
afterAll(async () => pool.end());

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('customers in the dashboard', () => {
  it('opens from the navigation, searches, and keeps the search in the URL', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('link', { name: 'Otieno Odhiambo' }).waitFor();

    await page.getByLabel('Search', { exact: true }).fill('kamau');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/[?&]q=kamau/);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByText('Drift alert').waitFor();
    await table.getByText('Salaried saver').waitFor();
    await dashboard().screenshot('list');
  });

  it('opens a profile and switches between its tabs', async () => {
    const { page } = dashboard();
    await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Wanjiru Kamau' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wanjiru Kamau' }).waitFor();
    const transactions = page.getByRole('table', { name: 'Transactions' });
    await transactions.getByText('NAIVAS WESTLANDS', { exact: true }).waitFor();
    // Each category says how it was found.
    await transactions.getByTestId('category-source').getByText('by merchant name').first().waitFor();

    await page.getByRole('tab', { name: 'Persona' }).click();
    await page.getByText('Saves 31 % of income (population median 8 %).', { exact: true }).waitFor();
    await page.getByText('Needs more data: the history is too thin to score this.').waitFor();
    await dashboard().screenshot('persona');

    await page.getByRole('tab', { name: 'Risk' }).click();
    await page.getByText('Risk flags appear when the compliance module screens this customer.').waitFor();

    await page.getByRole('tab', { name: 'Drift' }).click();
    await page.waitForURL(/[?&]tab=drift/);
    await page.getByRole('figure', { name: 'Persona by month' }).waitFor();
    const history = page.getByRole('table', { name: 'Drift history' });
    await history.getByText('0.310').waitFor();
    expect(await history.getByRole('row').count()).toBe(3);
    await dashboard().screenshot('drift');
  });

  it('archives the customer, which leaves the default list', async () => {
    const { page } = dashboard();
    await page.getByRole('button', { name: 'Archive' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Archive this customer?' });
    await confirm.getByRole('button', { name: 'Archive customer' }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    await page.getByText('Archived', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('link', { name: 'Otieno Odhiambo' }).waitFor();
    // The list refetches after the change; the cached page may show first.
    await expect.poll(() => table.getByRole('link', { name: 'Wanjiru Kamau' }).count()).toBe(0);
  });

  it('fits a phone screen', async () => {
    const { page } = dashboard();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/customers?archived=all');
    await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Wanjiru Kamau' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wanjiru Kamau' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('tab', { name: 'Drift' }).click();
    await page.getByRole('figure', { name: 'Persona by month' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await dashboard().screenshot('phone-drift');
  });

  it('never left the machine and logged no errors', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
