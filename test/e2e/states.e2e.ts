import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('states');
beforeAll(async () => {
  await signIn(dashboard());
});

// The API answers are replaced in the browser only: these states cannot be produced on demand by
// a healthy server, and the shared states must still show them correctly.
describe('shared page states', () => {
  it('shows a failed request as a problem with its request id, and recovers on "Try again"', async () => {
    const { page } = dashboard();
    await page.route('**/partner/system/info', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: '/problems/service-unavailable',
          title: 'Service unavailable',
          status: 503,
          detail: 'The database is restarting.',
          code: 'service_unavailable',
          requestId: 'req_e2e_1',
        }),
      }),
    );
    await page.goto('/system');
    await page.getByText('The database is restarting.').waitFor();
    await page.getByText('req_e2e_1').waitFor();
    await dashboard().screenshot('error');

    await page.unroute('**/partner/system/info');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('table', { name: 'Enabled modules' }).waitFor();
    expect(await page.getByText('The database is restarting.').count()).toBe(0);
  });

  it('shows the empty state when the tenant has no API traffic', async () => {
    const { page } = dashboard();
    const hour = 3_600_000;
    const to = Math.floor(Date.now() / hour) * hour + hour;
    const zero = { value: 0, previous: 0 };
    const quiet = {
      range: '24h',
      granularity: 'hour',
      from: new Date(to - 24 * hour).toISOString(),
      to: new Date(to).toISOString(),
      stats: {
        calls: zero,
        errors: zero,
        clientErrors: zero,
        errorRate: zero,
        p95LatencyMs: { value: null, previous: null },
        activeSeats: { value: 0, previous: 0, members: 0, keys: 0 },
      },
      series: Array.from({ length: 24 }, (_, index) => ({
        bucket: new Date(to - (24 - index) * hour).toISOString(),
        calls: 0,
        errors: 0,
        clientErrors: 0,
      })),
      endpoints: [],
      activity: [],
      health: {
        status: 'operational',
        database: 'ok',
        uptimePercent: 100,
        errorThreshold: 0.05,
        successRatePercent: 100,
        slaTargetPercent: 99.9,
        slaMet: true,
      },
    };
    await page.route('**/partner/overview**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(quiet) }),
    );
    await page.goto('/');
    await page.getByText('No API traffic yet').waitFor();
    await dashboard().screenshot('empty');
    await page.unroute('**/partner/overview**');
  });

  it('logged only the error the first test provoked', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors.every((error) => error.includes('503'))).toBe(true);
  });
});
