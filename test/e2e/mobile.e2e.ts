import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('mobile', {
  viewport: { width: 375, height: 740 },
  hasTouch: true,
});
beforeAll(async () => {
  await signIn(dashboard());
});

/** How far the page scrolls sideways, and the elements sticking out (named in a failure). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { overflow, culprits } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    culprits: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`),
  }));
  expect(overflow, culprits.join('\n')).toBeLessThanOrEqual(0);
}

describe('phone layout (375×740)', () => {
  it('hides the sidebar and offers the navigation in a drawer that closes after navigating', async () => {
    const { page } = dashboard();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await page.locator('#desktop-sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await dashboard().screenshot('home');

    await page.getByRole('button', { name: 'Open navigation' }).click();
    const drawer = page.getByRole('dialog', { name: 'Navigation' });
    const systemLink = drawer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'System' });
    await systemLink.waitFor();
    await dashboard().screenshot('drawer');

    await systemLink.click();
    await page.waitForURL(`${dashboard().url}/system`);
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Enabled modules' }).waitFor();
    await expectNoHorizontalOverflow(page);
    await dashboard().screenshot('system');
  });

  it('never left the machine and logged no errors', () => {
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
