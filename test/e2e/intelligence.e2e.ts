import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  craving,
  insertAnalysis,
  insertCustomer,
} from '../../src/modules/intelligence/analytics/analytics-test-support.js';
import { query, signIn } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('intelligence');
const DAY_MS = 86_400_000;
let db: pg.Client;

/** `YYYY-MM` of the month `back` months before this one. */
function monthAgo(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
const day = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  const account = await signIn(dashboard());
  const [membership] = await query<{ tenant_id: string }>(
    `SELECT m.tenant_id FROM memberships m JOIN auth_user u ON u.id = m.user_id WHERE u.email = $1`,
    [account.email],
  );
  const tenantId = membership?.tenant_id as string;
  db = new pg.Client({ connectionString: inject('atriumDatabaseUrl') });
  await db.connect();
  // Three savers in Nairobi and two spenders in Mombasa, active this month; one spender is at alert.
  const people = [
    { ref: 'E2E-1', region: 'Nairobi', persona: 'saver', level: 'none' as const },
    { ref: 'E2E-2', region: 'Nairobi', persona: 'saver', level: 'none' as const },
    { ref: 'E2E-3', region: 'Nairobi', persona: 'saver', level: 'moderate' as const },
    { ref: 'E2E-4', region: 'Mombasa', persona: 'spender', level: 'alert' as const },
    { ref: 'E2E-5', region: 'Mombasa', persona: 'spender', level: 'none' as const },
  ];
  for (const [index, person] of people.entries()) {
    const id = await insertCustomer(db, tenantId, {
      externalRef: person.ref,
      region: person.region,
      gender: index % 2 ? 'male' : 'female',
      birthYear: new Date().getUTCFullYear() - 30 - index,
      persona: person.persona,
      driftLevel: person.level,
      driftPsi: person.level === 'alert' ? 0.42 : person.level === 'moderate' ? 0.18 : 0.03,
      cravings: [
        craving('savings', person.persona === 'saver' ? 0.85 : 0.2, 0.8),
        craving('convenience', index === 0 ? null : 0.6, 0.5),
      ],
      transactionDays: [day(daysAgo(40)), day(daysAgo(3))],
    });
    await insertAnalysis(db, tenantId, id, {
      persona: person.persona,
      driftLevel: person.level,
      driftPsi: person.level === 'alert' ? 0.42 : 0.18,
      jsDistance: 0.2,
      shifts: [{ category: 'gambling', fromShare: 0.02, toShare: 0.25 }],
      createdAt: daysAgo(2),
      months: [
        [monthAgo(2), 'saver'],
        [monthAgo(1), person.persona],
        [monthAgo(0), person.persona],
      ],
    });
  }
});
afterAll(async () => {
  await db?.end();
});

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the intelligence dashboard', () => {
  it('shows personas, demographics, the persona timeline, cravings and drift for the tenant’s customers', async () => {
    const { page } = dashboard();
    await page.goto('/intelligence');
    await page.getByRole('heading', { level: 1, name: 'Intelligence' }).waitFor();
    await page.getByTestId('persona-total').getByText('5 analysed customers').waitFor();
    const personas = page.getByRole('list', { name: 'Personas' });
    await personas.getByRole('link', { name: /Saver.*3/ }).waitFor();
    await personas.getByRole('link', { name: /Spender.*2/ }).waitFor();
    await page.getByTestId('demographic-overlay').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('persona-timeline').locator('.recharts-bar-rectangle').first().waitFor();
    const drivers = page.getByTestId('craving-driver');
    await drivers.filter({ hasText: 'Convenience' }).getByText('1 need more data').waitFor();
    await drivers.filter({ hasText: 'Savings' }).getByText('5 measured').waitFor();
    expect(await page.getByTestId('drift-level-alert').textContent()).toContain('1');
    await page.getByTestId('drift-feed').getByText('E2E-4').waitFor();
    await page.getByTestId('drift-feed').getByText('E2E-3').waitFor();
    await dashboard().screenshot('dashboard');
  });

  it('keeps a filter in the URL and narrows every figure', async () => {
    const { page } = dashboard();
    await page.getByRole('combobox', { name: 'Region' }).selectOption('Mombasa');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('Mombasa');
    await page.getByTestId('persona-total').getByText('2 analysed customers').waitFor();
    expect(await page.getByRole('list', { name: 'Personas' }).getByRole('listitem').count()).toBe(1);
    await page.getByTestId('craving-driver').filter({ hasText: 'Savings' }).getByText('2 measured').waitFor();
    await page.getByTestId('drift-feed').getByText('E2E-4').waitFor();
    expect(await page.getByTestId('drift-feed').getByText('E2E-3').count()).toBe(0);
    await page.reload();
    await page.getByTestId('persona-total').getByText('2 analysed customers').waitFor();
  });

  it('opens the Customers page with the persona and the filters when a persona bar is clicked', async () => {
    const { page } = dashboard();
    await page.getByTestId('persona-distribution').locator('.recharts-bar-rectangle path').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/customers');
    const search = new URL(page.url()).searchParams;
    expect(search.get('persona')).toBe('spender');
    expect(search.get('region')).toBe('Mombasa');
    // The dashboard's range (the last 90 days) comes along: the customers active in it.
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    expect(search.get('activeFrom')).toBe(new Date(today - 90 * 86_400_000).toISOString().slice(0, 10));
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByRole('link', { name: 'E2E-4' }).waitFor();
    await table.getByRole('link', { name: 'E2E-5' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
  });

  it('opens the customers a craving driver leads for, with the leading-craving filter chosen', async () => {
    const { page } = dashboard();
    await page.goto('/intelligence');
    const drivers = page.getByTestId('craving-driver');
    await drivers.filter({ hasText: 'Savings' }).getByText('leads for 3').waitFor();
    await drivers.filter({ hasText: 'Convenience' }).getByText('leads for 2').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('craving')).toBe('convenience');
    expect(new URL(page.url()).searchParams.get('activeFrom')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new URL(page.url()).pathname).toBe('/customers');
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'E2E-4' }).waitFor();
    await table.getByRole('link', { name: 'E2E-5' }).waitFor();
    expect(await table.getByRole('link', { name: 'E2E-1' }).count()).toBe(0);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Leading craving' }).inputValue())
      .toBe('convenience');
    // Its choices are the engine's catalogue, not the personas of the rows on screen.
    const personas = page.getByRole('combobox', { name: 'Persona' }).locator('option');
    await expect.poll(() => personas.allTextContents()).toContain('Thin file / new customer');
  });

  it('fits a phone screen', async () => {
    const { page } = dashboard();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/intelligence');
    await page.getByTestId('persona-total').getByText('5 analysed customers').waitFor();
    await page.getByTestId('drift-feed').waitFor();
    await expectNoHorizontalOverflow(page);
    await dashboard().screenshot('phone');
  });

  it('never left the machine and logged no errors', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
