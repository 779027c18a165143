import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { deliverWebhookJob } from './jobs/deliver-webhook.js';
import { generateEndpointSecret } from './services/endpoint-secret.js';
import {
  type Received,
  type Receiver,
  startReceiver,
  type TenantWithApps,
  tenantWithApps,
} from './webhooks-test-support.js';

// End to end, as in production: the change commits, the dispatcher (woken by the commit) fans the
// event out, the delivery worker sends it, and the receiver verifies it with the standard library.
let t: TestApp;
let receiver: Receiver;
let acme: TenantWithApps;

beforeAll(async () => {
  t = await createTestApp({ ATRIUM_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  receiver = await startReceiver();
  acme = await tenantWithApps(t, 'e2e-hooks');
  await t.services.queue.work([deliverWebhookJob], t.services);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

async function nextDelivery(type: string): Promise<Received> {
  let found: Received | undefined;
  await expect
    .poll(
      () => {
        found = receiver.received.find((r) => (JSON.parse(r.body) as { type: string }).type === type);
        return found !== undefined;
      },
      { timeout: 15_000, interval: 50 },
    )
    .toBe(true);
  return found as Received;
}

async function createKey(label: string): Promise<string> {
  const key = await send<{ id: string }>(
    t,
    'POST',
    '/partner/api-keys',
    { appId: acme.appIds[0], label, scopes: ['apps:read'] },
    acme.owner,
  );
  expect(key.status).toBe(201);
  return key.body.id;
}

describe('webhook delivery end to end', () => {
  it('delivers an event from a committed change, verifiable with Webhook.verify', async () => {
    const endpoint = await send<{ id: string; secret: string }>(
      t,
      'POST',
      '/partner/webhooks',
      { appId: acme.appIds[0], url: receiver.url, eventTypes: ['api_key.created', 'api_key.revoked'] },
      acme.owner,
    );
    expect(endpoint.status).toBe(201);
    const keyId = await createKey('First');
    const delivery = await nextDelivery('api_key.created');
    const payload = new Webhook(endpoint.body.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(payload).toMatchObject({ type: 'api_key.created', data: { id: keyId, label: 'First' } });
    expect(delivery.headers['webhook-id']).toMatch(/^msg_/);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(() =>
      new Webhook(generateEndpointSecret()).verify(delivery.body, delivery.headers as Record<string, string>),
    ).toThrow();

    // Rotation: for 24 hours each delivery carries a signature per secret, so either verifies.
    const rotated = await send<{ secret: string }>(
      t,
      'POST',
      `/partner/webhooks/${endpoint.body.id}/rotate-secret`,
      undefined,
      acme.owner,
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(endpoint.body.secret);
    const revealed = await send<{ secret: string; previousSecret: string | null }>(
      t,
      'GET',
      `/partner/webhooks/${endpoint.body.id}/secret`,
      undefined,
      acme.owner,
    );
    expect(revealed.body).toMatchObject({
      secret: rotated.body.secret,
      previousSecret: endpoint.body.secret,
    });
    await send(t, 'POST', `/partner/api-keys/${keyId}/revoke`, undefined, acme.owner);
    const afterRotation = await nextDelivery('api_key.revoked');
    const headers = afterRotation.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [rotated.body.secret, endpoint.body.secret]) {
      expect(new Webhook(secret).verify(afterRotation.body, headers)).toMatchObject({
        type: 'api_key.revoked',
      });
    }
    // The tenant's log shows both successes (recorded right after the receiver answered).
    await expect
      .poll(async () => {
        const page = await send<{ data: { eventType: string; status: string }[] }>(
          t,
          'GET',
          '/partner/webhooks/logs',
          undefined,
          acme.owner,
        );
        return page.body.data.map((row) => `${row.eventType}:${row.status}`).sort();
      })
      .toEqual(['api_key.created:success', 'api_key.revoked:success']);
  });
});
