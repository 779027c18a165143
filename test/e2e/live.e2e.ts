import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppServices } from '../../src/kernel/context.js';
import { notify } from '../../src/modules/notifications/index.js';
import { allModules } from '../../src/modules/registry.js';
import { apiRequest, browserCookie, query, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

// Live updates end to end: the browser's one EventSource, the server's LISTEN, the bell and the
// Logs page's live tail.
const dashboard = dashboardForFile('live');
const suffix = randomUUID().slice(0, 8);
const email = `live-${suffix}@example.com`;
let userId = '';
let tenantId = '';

beforeAll(async () => {
  await signInDashboard(dashboard(), { email, organisationName: `Live E2E ${suffix}` });
  const [row] = await query<{ user_id: string; tenant_id: string }>(
    `SELECT m.user_id, m.tenant_id FROM memberships m JOIN auth_user u ON u.id = m.user_id WHERE u.email = $1`,
    [email],
  );
  userId = row?.user_id ?? '';
  tenantId = row?.tenant_id ?? '';
});

/**
 * Tells the user something through the notifications module's own `notify`, in a transaction on
 * the instance's database: the running server hears it over LISTEN/NOTIFY like any other change.
 * `report_ready` is not emailed by default, so no queue is needed here.
 */
async function notifyUser(title: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('atriumDatabaseUrl') });
  await client.connect();
  try {
    await client.query('BEGIN');
    const services = { modules: allModules } as unknown as AppServices;
    await notify(services, { client, db: drizzle(client) } as never, {
      tenantId,
      userIds: [userId],
      category: 'report_ready',
      title,
      body: 'Your report is ready to download.',
    });
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Opens a page and resolves once its live stream is open (the server subscribes before it answers). */
async function openWithStream(path: string) {
  const { page } = dashboard();
  const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/partner/stream');
  await page.goto(path);
  expect((await stream).status()).toBe(200);
  return page;
}

describe('live updates', () => {
  it('the bell counts a new notification live, and marking it read clears the badge', async () => {
    const page = await openWithStream('/');
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await bell.waitFor();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

    await notifyUser(`Report ${suffix} ready`);
    await page.getByTestId('unread-badge').filter({ hasText: '1' }).waitFor();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await dashboard().screenshot('bell-unread');

    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText(`Report ${suffix} ready`).waitFor();
    await panel.getByRole('button', { name: `Mark “Report ${suffix} ready” read` }).click();
    await page.getByTestId('unread-badge').waitFor({ state: 'detached' });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
    await page.keyboard.press('Escape');
    expect(dashboard().outside).toEqual([]);
  });

  it('the Logs page live tail shows a new request without a reload', async () => {
    const page = await openWithStream('/logs');
    await page.getByRole('heading', { level: 1, name: 'Logs' }).waitFor();
    const toggle = page.getByRole('button', { name: 'Live tail' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // Let the page settle on its first list before the new request exists.
    await page.getByRole('table').or(page.getByText('No API requests yet')).first().waitFor();

    const path = `/partner/apps/app_live${suffix}`;
    const answer = await apiRequest('GET', path, { cookie: await browserCookie(dashboard()) });
    expect(answer.status).toBe(404);
    await page.getByText(path).first().waitFor();
    await dashboard().screenshot('logs-live-tail');
    expect(dashboard().outside).toEqual([]);
  });

  it('the preferences page saves a channel choice', async () => {
    const { page } = dashboard();
    await page.goto('/notifications/preferences');
    await page.getByRole('heading', { level: 1, name: 'Notification preferences' }).waitFor();
    const email = page.getByRole('checkbox', { name: 'Report ready by email' });
    await expect.poll(() => email.getAttribute('aria-checked')).toBe('false');
    await email.click();
    await expect.poll(() => email.getAttribute('aria-checked')).toBe('true');
    await page.reload();
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Report ready by email' }).getAttribute('aria-checked'))
      .toBe('true');
    expect(
      await page.getByRole('checkbox', { name: 'Job failed by email' }).getAttribute('aria-checked'),
    ).toBe('true');
    await dashboard().screenshot('notification-preferences');
    expect(dashboard().outside).toEqual([]);
  });
});
