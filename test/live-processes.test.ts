import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtriumProcess, startAtriumProcess } from './harness/process.js';
import { readSse } from './harness/sse.js';
import { ownerAndViewer, type TenantAccounts } from './harness/tenant-accounts.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

// Sessions made by the in-process app must be valid in the processes: one installation secret.
const SECRET = 'live-processes-test-secret-0123456789abcdef';

let t: TestApp;
let first: AtriumProcess;
let second: AtriumProcess;
let acme: TenantAccounts;

beforeAll(async () => {
  t = await createTestApp({ ATRIUM_SECRET: SECRET });
  const env = {
    DATABASE_URL: t.services.config.DATABASE_URL ?? '',
    PORT: '0',
    ATRIUM_BUILD_WEB: 'false',
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_SECRET: SECRET,
    // Long enough that a stream holding the drain open would outlast the test.
    ATRIUM_SHUTDOWN_TIMEOUT_MS: '120000',
  };
  // Two api processes on one database, as behind a load balancer.
  [first, second] = await Promise.all([
    startAtriumProcess(env, ['--role', 'api']),
    startAtriumProcess(env, ['--role', 'api']),
  ]);
  acme = await ownerAndViewer(t, 'live-processes');
}, 120_000);
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await t?.close();
});

describe('live updates across server processes', () => {
  it('requests served by one process reach a stream on the other; stopping a process ends its streams', async () => {
    const response = await fetch(`${first.url}/partner/stream`, { headers: { cookie: acme.owner.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const stream = readSse(response);
    await expect.poll(() => stream.comments.includes('connected')).toBe(true);

    // The other process stores these requests in its request log and announces them.
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${second.url}/partner/projects`, {
        headers: { cookie: acme.owner.cookie },
      });
      expect(answer.status).toBe(200);
    }
    const appended = await stream.next((message) => message.event === 'logs.appended');
    expect(appended.id).toMatch(/^lev_/);
    expect((JSON.parse(appended.data) as { count: number }).count).toBeGreaterThan(0);

    // A stream never ends by itself: shutdown ends it instead of waiting out the drain timeout.
    const ended = stream
      .next((message) => message.event === 'never-sent')
      .catch((error: Error) => error.message);
    expect(await first.stop()).toBe(0);
    expect(await ended).toBe('the stream ended');
  }, 60_000);
});
