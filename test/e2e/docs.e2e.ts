import { describe, expect, it } from 'vitest';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('docs');

describe('API reference at /docs', () => {
  it('renders Swagger UI from assets Atrium serves itself, with no request leaving the machine', async () => {
    const { page, url } = dashboard();
    await page.goto('/docs');
    await page.locator('.swagger-ui .info .title', { hasText: 'Atrium API' }).waitFor();
    await page.locator('.opblock-summary-path[data-path="/partner/system/info"]').waitFor();
    await dashboard().screenshot('swagger-ui');

    const loaded = (path: string) =>
      dashboard().responses.some((response) => response.url === `${url}${path}` && response.status === 200);
    expect(loaded('/docs/assets/swagger-ui-bundle.js')).toBe(true);
    expect(loaded('/docs/assets/swagger-ui.css')).toBe(true);
    expect(loaded('/docs/init.js')).toBe(true);
    expect(loaded('/openapi.json')).toBe(true);
    expect(dashboard().responses.every((response) => response.url.startsWith(`${url}/`))).toBe(true);
    expect(dashboard().outside).toEqual([]);
    expect(dashboard().errors).toEqual([]);
  });
});
