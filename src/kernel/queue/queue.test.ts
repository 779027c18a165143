import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../db/tenant.js';
import { withTransaction } from '../db/transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { defineJob } from './jobs.js';
import { QUEUE_SCHEMA } from './queue.js';

const handled: string[] = [];
const recordJob = defineJob({
  name: 'test.record',
  description: 'Records its payload in memory so the test can see it ran.',
  payload: z.object({ label: z.string().min(1) }),
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  timeoutSeconds: 30,
  handle: async ({ label }) => {
    handled.push(label);
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.services.queue.createQueues([recordJob]);
});
afterAll(async () => t?.close());

async function queuedJobs(): Promise<number> {
  const result = await t.services.pool.query(
    `SELECT count(*)::int AS n FROM ${QUEUE_SCHEMA}.job WHERE name = $1`,
    [recordJob.name],
  );
  return result.rows[0].n;
}

describe('job queue', () => {
  it('enqueues nothing when the caller’s transaction rolls back', async () => {
    const before = await queuedJobs();
    await expect(
      withTransaction(t.services.pool, async (tx) => {
        await t.services.queue.enqueue(tx, recordJob, { label: 'rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await queuedJobs()).toBe(before);
  });

  it('enqueues from a tenant-scoped transaction, which runs as the tenant role', async () => {
    const before = await queuedJobs();
    await withTenant(t.services.pool, uuidv7(), (tx) =>
      t.services.queue.enqueue(tx, recordJob, { label: 'from a tenant' }),
    );
    expect(await queuedJobs()).toBe(before + 1);
  });

  it('enqueues exactly once when the transaction commits', async () => {
    const before = await queuedJobs();
    const id = await withTransaction(t.services.pool, (tx) =>
      t.services.queue.enqueue(tx, recordJob, { label: 'committed' }),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await queuedJobs()).toBe(before + 1);
  });

  it('refuses a payload that does not match the job’s schema, writing nothing', async () => {
    const before = await queuedJobs();
    await expect(
      withTransaction(t.services.pool, (tx) => t.services.queue.enqueue(tx, recordJob, { label: '' })),
    ).rejects.toThrow();
    expect(await queuedJobs()).toBe(before);
  });

  it('runs committed jobs’ handlers in a worker', async () => {
    await t.services.queue.work([recordJob], t.services);
    await expect.poll(() => handled, { timeout: 15_000, interval: 100 }).toContain('committed');
    expect(handled).not.toContain('rolled back');
  });
});
