import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, browserCookie, signInDashboard } from './accounts.js';
import { dashboardForFile } from './browser.js';

const dashboard = dashboardForFile('webhooks');
const suffix = randomUUID().slice(0, 8);
const appName = `Webhooks E2E app ${suffix}`;
let appId = '';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback (the e2e instance allows 127.0.0.1): it answers 200 to everything. */
const received: Received[] = [];
let receiver: Server | undefined;
let receiverUrl = '';

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('received');
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${suffix}`;

  await signInDashboard(dashboard(), {
    email: `webhooks-${suffix}@example.com`,
    organisationName: `Webhooks E2E ${suffix}`,
  });
  const cookie = await browserCookie(dashboard());
  const project = await apiRequest('POST', '/partner/projects', {
    cookie,
    body: { name: `Webhooks E2E project ${suffix}` },
  });
  expect(project.status).toBe(201);
  // A sandbox app: a production app's endpoints must use https.
  const app = await apiRequest('POST', '/partner/apps', {
    cookie,
    body: { projectId: (project.body as { id: string }).id, name: appName, environment: 'sandbox' },
  });
  expect(app.status, JSON.stringify(app.body)).toBe(201);
  appId = (app.body as { id: string }).id;
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('webhooks in the dashboard', () => {
  it('refuses an internal address on the URL field, then adds an endpoint in the app’s Webhooks tab', async () => {
    const { page } = dashboard();
    await page.goto(`/tenancy/apps/${appId}?tab=webhooks`);
    await page.getByRole('heading', { name: 'No webhook endpoints yet' }).waitFor();
    await page.getByText('the order is not guaranteed').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add an endpoint' });
    const url = dialog.getByLabel('Endpoint URL');
    await url.fill('http://169.254.169.254/');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await dialog.getByText(/resolves to 169\.254\.169\.254, an internal address \(linkLocal\)/).waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    await dashboard().screenshot('ssrf-refused');

    await url.fill(receiverUrl);
    await dialog.getByLabel('Description (optional)').fill('E2E receiver');
    await dialog.getByRole('button', { name: 'Add header' }).click();
    await dialog.getByLabel('Header 1 name').fill('x-e2e-run');
    await dialog.getByLabel('Header 1 value').fill(suffix);
    await dashboard().screenshot('add-endpoint');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    // Adding opens the endpoint's page.
    await page.getByRole('heading', { level: 1, name: receiverUrl }).waitFor();
    await page.getByRole('heading', { name: 'No deliveries yet' }).waitFor();
  });

  it('sends a test event: the receiver gets a signed request and the delivery shows 200', async () => {
    const { page } = dashboard();
    await page.getByRole('button', { name: 'Reveal' }).click();
    const secretBox = page.getByTestId('webhook-secret');
    await secretBox.getByText(/^whsec_[A-Za-z0-9+/=]+$/).waitFor();
    const secret = (await secretBox.textContent()) ?? '';

    await page.getByRole('button', { name: 'Send test event' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a test event' });
    await dialog.getByLabel('Event type').selectOption('api_key.created');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [request] = received;
    if (!request) throw new Error('no request received');
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    const payload = new Webhook(secret).verify(request.body, headers) as {
      type: string;
      data: { eventType: string | null };
    };
    expect(payload.type).toBe('webhook.test');
    expect(payload.data.eventType).toBe('api_key.created');
    expect(headers['x-e2e-run']).toBe(suffix);

    const row = page.getByTestId('webhook-delivery-row').filter({ hasText: 'webhook.test' });
    await row.locator('[data-status-class="2xx"]', { hasText: '200' }).waitFor();
    await page.getByText('Test event delivered').waitFor();
    await row.getByRole('button', { name: /^Details of webhook\.test/ }).click();
    await page.getByRole('region', { name: 'Request payload' }).getByText('"webhook.test"').waitFor();
    await page.getByRole('region', { name: 'Response body' }).getByText('received').waitFor();
    await page.getByRole('table', { name: /Delivery heatmap/ }).waitFor();
    await dashboard().screenshot('endpoint');
  });

  it('lists the delivery in the Logs page’s Webhooks tab, reached from the sidebar', async () => {
    const { page } = dashboard();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhook logs' }).click();
    await page.getByRole('tab', { name: 'Webhooks', selected: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('webhooks');
    const row = page.getByTestId('webhook-delivery-row').filter({ hasText: 'webhook.test' });
    await row.getByText('200').waitFor();
    await row.getByRole('link', { name: receiverUrl }).waitFor();
    await page.getByLabel('Outcome').selectOption('failed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('heading', { name: 'No deliveries match these filters' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('failed');
    await page.getByRole('tab', { name: 'API requests' }).click();
    await page.getByRole('form', { name: 'Filter API requests' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBeNull();
    await page.goBack();
    await page.getByRole('heading', { name: 'No deliveries match these filters' }).waitFor();
    await dashboard().screenshot('logs-tab');
  });

  it('lists the endpoint on the tenant-wide Webhooks page, with its app opening the app’s Webhooks tab', async () => {
    const { page } = dashboard();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhook endpoints' }).waitFor();
    const row = page.getByTestId('webhook-endpoint-row').filter({ hasText: receiverUrl });
    await row.getByText('E2E receiver').waitFor();
    await row.getByText('Enabled').waitFor();
    await dashboard().screenshot('endpoints');
    await row.getByRole('link', { name: appName }).click();
    await page.getByRole('heading', { level: 1, name: appName }).waitFor();
    await page.getByRole('tab', { name: 'Webhooks', selected: true }).waitFor();
    await page.getByTestId('webhook-endpoint-row').filter({ hasText: receiverUrl }).waitFor();
  });

  it('opens the event catalogue from the sidebar', async () => {
    const { page } = dashboard();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Event catalogue' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Event catalogue' }).waitFor();
    const card = page.getByTestId('event-type').filter({ hasText: 'api_key.created' });
    await card.getByRole('button', { name: 'Example data' }).click();
    await card.locator('pre').waitFor();
    expect(JSON.parse((await card.locator('pre').textContent()) ?? '')).toBeTypeOf('object');
    await dashboard().screenshot('event-catalogue');
    expect(dashboard().outside).toEqual([]);
  });
});
