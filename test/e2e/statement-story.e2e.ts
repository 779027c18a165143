import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { generateCustomers } from '../../src/modules/intelligence/demo/synthetic-statements.js';
import { apiRequest, browserCookie, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

// Issue 6's story: a partner's server uploads a statement with a key, the analysis job finishes
// live on the Jobs page, and the customer's profile shows its persona, cravings and drift.
const dashboard = dashboardForFile('statement-story');
const suffix = randomUUID().slice(0, 8);
let secret = '';

/** A customer whose last complete month swaps groceries for betting: its drift is an alert. */
const [customer] = generateCustomers({
  seed: 11,
  customers: 1,
  months: 6,
  shifters: 1,
  endDate: new Date().toISOString().slice(0, 10),
  refPrefix: `story-${suffix}`,
});

beforeAll(async () => {
  await signInDashboard(dashboard(), {
    email: `statement-${suffix}@example.com`,
    organisationName: `Statement E2E ${suffix}`,
  });
  const cookie = await browserCookie(dashboard());
  const project = await apiRequest('POST', '/partner/projects', { cookie, body: { name: `Bank ${suffix}` } });
  const app = await apiRequest('POST', '/partner/apps', {
    cookie,
    body: { projectId: (project.body as { id: string }).id, name: 'Core banking', environment: 'sandbox' },
  });
  const key = await apiRequest('POST', '/partner/api-keys', {
    cookie,
    body: { appId: (app.body as { id: string }).id, label: 'Statements', scopes: ['statements:write'] },
  });
  expect(key.status).toBe(201);
  secret = (key.body as { secret: string }).secret;
});

describe('a statement sent with a key, analysed live, read in the customer profile', () => {
  it('shows the analysis job finish on the Jobs page without a reload', async () => {
    if (!customer) throw new Error('the generator made no customer');
    const { page } = dashboard();
    await page.goto('/jobs');
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    const url = new URL('/v1/statements', inject('atriumUrl'));
    url.hostname = '127.0.0.1';
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: {
          externalRef: customer.externalRef,
          birthYear: customer.birthYear,
          region: customer.region,
        },
        transactions: customer.transactions.map((row) => ({
          date: row.bookedOn,
          amount: row.amount.toFixed(2),
          currency: row.currency,
          description: row.description,
          counterparty: row.counterparty,
          channel: row.channel,
          mcc: row.mcc,
          transactionId: row.partnerTransactionId,
        })),
      }),
    });
    expect(response.status).toBe(202);
    const statement = (await response.json()) as { storedCount: number; jobRunId: string };
    expect(statement.storedCount).toBe(customer.transactions.length);
    expect(statement.jobRunId).toMatch(/^job_/);
    const run = page.getByRole('listitem', { name: `Customer analysis (${customer.externalRef})` });
    await run.getByText('Succeeded', { exact: true }).waitFor({ timeout: 30_000 });
  });

  it('opens the customer and shows its persona, cravings and drift alert', async () => {
    if (!customer) throw new Error('the generator made no customer');
    const { page } = dashboard();
    await page.goto(`/customers?q=${encodeURIComponent(customer.externalRef)}`);
    const table = page.getByRole('table', { name: 'Customers' });
    await table.getByText('Drift alert').waitFor();
    await table.getByRole('link').first().click();
    await page.getByRole('tab', { name: 'Persona' }).click();
    await page.getByRole('heading', { level: 2, name: 'Cravings' }).waitFor();
    const persona = await page.locator('#persona-heading').textContent();
    expect(persona?.trim().length).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Drift' }).click();
    const history = page.getByRole('table', { name: 'Drift history' });
    await history.getByText('Drift alert').waitFor();
    await page.getByRole('figure', { name: 'Persona by month' }).waitFor();
  });
});
