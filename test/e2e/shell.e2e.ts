import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, browserCookie, signIn } from './accounts.js';
import { dashboardForFile, focusIsVisible } from './browser.js';

const dashboard = dashboardForFile('shell');
beforeAll(async () => {
  await signIn(dashboard());
});

/** What the System page shows, asked of the API as the signed-in user. */
async function systemInfo() {
  const answer = await apiRequest('GET', '/partner/system/info', {
    cookie: await browserCookie(dashboard()),
  });
  expect(answer.status).toBe(200);
  return answer.body as { version: string; database: { version: string } };
}

describe('dashboard shell', () => {
  it('navigates from the sidebar to the System page, which shows live data from the API', async () => {
    const { page } = dashboard();
    const info = await systemInfo();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const systemLink = nav.getByRole('link', { name: 'System', exact: true });
    await systemLink.waitFor();
    expect(await systemLink.getAttribute('href')).toBe('/system');
    await dashboard().screenshot('home');

    await systemLink.click();
    await page.waitForURL(`${dashboard().url}/system`);
    await page.getByRole('heading', { level: 1, name: 'System' }).waitFor();
    await page.getByText(info.database.version, { exact: true }).waitFor();
    expect(info.database.version).toMatch(/^PostgreSQL \d+/);
    await page.getByText(info.version, { exact: true }).first().waitFor();
    await page.getByText('Embedded server', { exact: true }).waitFor();
    const modules = page.getByRole('table', { name: 'Enabled modules' });
    await modules.getByRole('cell', { name: 'system', exact: true }).waitFor();
    expect(await systemLink.getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.title()).toBe('System · Atrium');
    await dashboard().screenshot('system');
  });

  it('copies the system details and confirms with a toast', async () => {
    const { page } = dashboard();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: dashboard().url });
    await page.goto('/system');
    await page.getByRole('button', { name: 'Copy details' }).click();
    await page.getByText('System details copied', { exact: true }).waitFor();
    await dashboard().screenshot('copy-toast');
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    const info = await systemInfo();
    expect(copied.version).toBe(info.version);
    expect(copied.database.version).toBe(info.database.version);
  });

  it('jumps to a page from the command palette (Ctrl+K, type, Enter)', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System' }).waitFor();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const input = palette.getByPlaceholder('Search pages and actions…');
    await input.waitFor();
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);

    await input.fill('sys');
    await palette.getByRole('option', { name: 'System', exact: true }).waitFor();
    const selected = palette.locator('[cmdk-item][data-selected="true"]');
    // cmdk moves the selection to the best match after filtering; System must outrank "Use system theme".
    await expect.poll(() => selected.textContent()).toBe('System');
    await dashboard().screenshot('palette');

    await page.keyboard.press('Enter');
    await page.waitForURL(`${dashboard().url}/system`);
    await palette.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'System' }).waitFor();
  });

  it('closes the palette on Escape and gives focus back to where it was', async () => {
    const { page } = dashboard();
    await page.goto('/');
    const search = page.getByRole('button', { name: 'Search…' });
    await search.focus();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();

    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(page.url()).toBe(`${dashboard().url}/`);
  });

  it('is usable with the keyboard alone: skip link first, then the navigation with visible focus', async () => {
    const { page } = dashboard();
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'System' }).waitFor();

    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Skip to content' });
    expect(await skipLink.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await focusIsVisible(page)).toBe(true);
    // Visually hidden until focused: a keyboard user must be able to see it.
    expect((await skipLink.boundingBox())?.width ?? 0).toBeGreaterThan(10);
    await dashboard().screenshot('skip-link');

    const focusedNavLink = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.closest('nav[aria-label="Main"]') ? active.textContent : null;
      });
    let steps = 0;
    while ((await focusedNavLink()) === null && steps < 5) {
      await page.keyboard.press('Tab');
      steps += 1;
    }
    expect(await focusedNavLink()).toBe('Home');
    expect(await focusIsVisible(page)).toBe(true);
    // The next page in the navigation, whichever module's it is (it depends on the enabled modules).
    const second = nav.getByRole('link').nth(1);
    const secondTitle = await second.textContent();
    const secondPath = await second.getAttribute('href');
    await page.keyboard.press('Tab');
    expect(await focusedNavLink()).toBe(secondTitle);
    expect(await focusIsVisible(page)).toBe(true);
    // The ring is a box-shadow; an element can match :focus-visible and still show nothing.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow)).not.toBe(
      'none',
    );
    await dashboard().screenshot('nav-focus');

    await page.keyboard.press('Enter');
    await page.waitForURL(`${dashboard().url}${secondPath}`);
  });

  it('shows a 404 page with a way home for an unknown address', async () => {
    const { page } = dashboard();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    const home = page.getByRole('main').getByRole('link', { name: 'Go to the home page' });
    expect(await home.getAttribute('href')).toBe('/');
    await dashboard().screenshot('not-found');

    await home.click();
    await page.waitForURL(`${dashboard().url}/`);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('never left the machine and logged no errors', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
