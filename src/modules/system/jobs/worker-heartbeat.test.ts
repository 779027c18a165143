import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn, type TestAccount } from '../../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';

let t: TestApp;
let owner: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpAndSignIn(t, 'owner@example.com');
});
const systemInfo = async () => (await call(t, 'GET', '/partner/system/info', undefined, owner)).json();
afterAll(async () => t?.close());

describe('worker heartbeat', () => {
  it('is recorded once a worker runs, and shown by the system info', async () => {
    const before = await systemInfo();
    expect(before.worker.lastHeartbeatAt).toBeNull();
    await t.services.queue.work(
      t.services.modules.flatMap((module) => module.jobs),
      t.services,
    );
    await expect
      .poll(async () => (await systemInfo()).worker.lastHeartbeatAt, {
        timeout: 15_000,
        interval: 200,
      })
      .toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
