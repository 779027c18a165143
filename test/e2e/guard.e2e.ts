import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('guard');
beforeAll(async () => {
  await signIn(dashboard());
});

// The other files trust an empty `outside` list; this proves the guard would have caught a leak.
describe('outside-network guard', () => {
  it('aborts and records a request to another host, and lets requests to Atrium through', async () => {
    const { page, url } = dashboard();
    await page.goto('/');
    // A navigation, not a fetch: the dashboard's CSP would stop a fetch before the guard saw it.
    await expect(page.goto('https://cdn.example.com/library.js')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(dashboard().outside).toEqual(['https://cdn.example.com/library.js']);
    expect(
      dashboard().responses.some((response) => response.url === `${url}/` && response.status === 200),
    ).toBe(true);
  });
});
