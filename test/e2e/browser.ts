import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export interface Dashboard {
  page: Page;
  /** Atrium's base URL, e.g. http://localhost:41234. */
  url: string;
  /** Requests the guard aborted because they were headed off this machine. */
  outside: string[];
  /** Every response the page received from Atrium, in order. */
  responses: { url: string; status: number }[];
  /** Console errors and uncaught page exceptions. */
  errors: string[];
  screenshot: (step: string) => Promise<void>;
  close: () => Promise<void>;
}

/** Debian's chromium, never a downloaded one; flags keep it from phoning home on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context on the shared Atrium instance with an outside-network guard: any request to a
 * host other than this machine is aborted and recorded, so a test can prove Atrium works offline.
 */
export async function openDashboard(
  browser: Browser,
  name: string,
  options: BrowserContextOptions = {},
): Promise<Dashboard> {
  const url = inject('atriumUrl');
  // A fixed light system theme makes the theme's starting point deterministic.
  const context = await browser.newContext({ baseURL: url, colorScheme: 'light', ...options });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    if (LOCAL_HOSTS.has(new URL(route.request().url()).hostname)) return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });

  const page = await context.newPage();
  const responses: Dashboard['responses'] = [];
  const errors: string[] = [];
  page.on('response', (response) => responses.push({ url: response.url(), status: response.status() }));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));

  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    url,
    outside,
    responses,
    errors,
    screenshot: async (step) => {
      // Finite CSS animations (drawer slide-in, dialog zoom) are fast-forwarded to their end state.
      await page.screenshot({
        path: `${SCREENSHOT_DIR}${name}-${step}.png`,
        fullPage: true,
        animations: 'disabled',
      });
    },
    close: () => context.close(),
  };
}

export function isDark(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.classList.contains('dark'));
}

/** Whether the element that has focus matches :focus-visible, i.e. the browser shows its focus. */
export function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.matches(':focus-visible') ?? false);
}

/**
 * Opens a browser and a dashboard for the whole test file and closes them after it; tests read the
 * dashboard through the returned getter.
 */
export function dashboardForFile(name: string, options: BrowserContextOptions = {}): () => Dashboard {
  let browser: Browser | undefined;
  let dashboard: Dashboard | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    dashboard = await openDashboard(browser, name, options);
  });
  afterAll(async () => {
    await dashboard?.close();
    await browser?.close();
  });
  return () => {
    if (!dashboard) throw new Error('the dashboard opens in beforeAll; read it inside a test');
    return dashboard;
  };
}
