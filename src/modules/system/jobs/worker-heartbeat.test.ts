import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('worker heartbeat', () => {
  it('is recorded once a worker runs, and shown by the system info', async () => {
    const before = await (await t.request('/partner/system/info')).json();
    expect(before.worker.lastHeartbeatAt).toBeNull();
    await t.services.queue.work(
      t.services.modules.flatMap((module) => module.jobs),
      t.services,
    );
    await expect
      .poll(async () => (await (await t.request('/partner/system/info')).json()).worker.lastHeartbeatAt, {
        timeout: 15_000,
        interval: 200,
      })
      .toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
