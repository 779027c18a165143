import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.js';
import { dashboardForFile, isDark } from './browser.js';

const dashboard = dashboardForFile('theme');
beforeAll(async () => {
  await signIn(dashboard());
});

const storedTheme = (page: Page) => page.evaluate(() => window.localStorage.getItem('atrium-theme'));

async function runPaletteAction(page: Page, action: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByPlaceholder('Search pages and actions…').fill(action);
  await palette.getByRole('option', { name: action, exact: true }).click();
  await palette.waitFor({ state: 'detached' });
}

describe('theme', () => {
  it('toggles dark mode from the top bar and keeps the choice across reloads', async () => {
    const { page } = dashboard();
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Toggle theme' });
    await toggle.waitFor();
    expect(await isDark(page)).toBe(false);

    await toggle.click();
    await expect.poll(() => isDark(page)).toBe(true);
    expect(await storedTheme(page)).toBe('dark');
    await page.reload();
    await toggle.waitFor();
    expect(await isDark(page)).toBe(true);
    await dashboard().screenshot('dark');

    await toggle.click();
    await expect.poll(() => isDark(page)).toBe(false);
    expect(await storedTheme(page)).toBe('light');
    await page.reload();
    await toggle.waitFor();
    expect(await isDark(page)).toBe(false);
  });

  it('switches theme from the command palette, including back to the system preference', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('button', { name: 'Toggle theme' }).waitFor();

    await runPaletteAction(page, 'Switch to dark theme');
    await expect.poll(() => isDark(page)).toBe(true);
    expect(await storedTheme(page)).toBe('dark');
    await dashboard().screenshot('palette-dark');

    await runPaletteAction(page, 'Switch to light theme');
    await expect.poll(() => isDark(page)).toBe(false);
    expect(await storedTheme(page)).toBe('light');

    await runPaletteAction(page, 'Use system theme');
    expect(await storedTheme(page)).toBeNull();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => isDark(page)).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => isDark(page)).toBe(false);
  });

  it('never left the machine and logged no errors', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
