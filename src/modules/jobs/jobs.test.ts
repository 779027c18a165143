import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/harness/accounts.js';
import { ownerAndViewer, send, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { requestLogWriter } from '../logs/index.js';
import { createJobRun, startJobRun, trackJobRun } from './index.js';

type Run = { id: string; kind: string; title: string; state: string; progress: number; error: string | null };
type Page = { data: Run[]; nextCursor: string | null };

let t: TestApp;
let acme: TenantAccounts;
let other: TenantAccounts;

beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'jobs-acme');
  other = await ownerAndViewer(t, 'jobs-other');
});
afterAll(async () => t?.close());

const list = async (query = '', as = acme.owner) =>
  (await send<Page>(t, 'GET', `/partner/jobs${query}`, undefined, as)).body;

async function liveJobUpdates(tenantId: string, title: string) {
  const { rows } = await t.services.pool.query<{ data: Run }>(
    `SELECT data FROM live_events WHERE tenant_id = $1 AND type = 'job.updated' AND data->>'title' = $2 ORDER BY id`,
    [tenantId, title],
  );
  return rows.map((row) => [row.data.state, row.data.progress]);
}

describe('job runs', () => {
  it('records a tracked run: running, progress, succeeded, each published live', async () => {
    const result = await trackJobRun(
      t.services,
      { tenantId: acme.tenantId, kind: 'test.work', title: 'Counting', createdBy: acme.owner.userId },
      async (progress) => {
        await progress(30);
        await progress(30);
        await progress(180);
        return 'done';
      },
    );
    expect(result).toBe('done');
    const [run] = (await list()).data;
    expect(run).toMatchObject({ kind: 'test.work', title: 'Counting', state: 'succeeded', progress: 100 });
    expect(await liveJobUpdates(acme.tenantId, 'Counting')).toEqual([
      ['running', 0],
      ['running', 30],
      ['running', 100],
      ['succeeded', 100],
    ]);
  });

  it('a failed run keeps the error a tenant may read and notifies its starter, by email too', async () => {
    await expect(
      trackJobRun(
        t.services,
        { tenantId: acme.tenantId, kind: 'test.work', title: 'Screening', createdBy: acme.viewer.userId },
        async () => {
          throw new ProblemError('unprocessable', 'The list file is empty.');
        },
      ),
    ).rejects.toThrow('The list file is empty.');
    await expect(
      trackJobRun(t.services, { tenantId: acme.tenantId, kind: 'test.work', title: 'Crashing' }, async () => {
        throw new Error('relation "secret_table" does not exist');
      }),
    ).rejects.toThrow();

    const failed = (await list('?state=failed')).data;
    expect(failed.map((run) => [run.title, run.error])).toEqual([
      ['Crashing', 'An internal error stopped the job.'],
      ['Screening', 'The list file is empty.'],
    ]);
    const { rows } = await t.services.pool.query<{ user_id: string; title: string }>(
      `SELECT user_id, title FROM notifications WHERE category = 'job_failed' AND tenant_id = $1 ORDER BY id`,
      [acme.tenantId],
    );
    // The starter of "Screening"; the Owners and Admins for the system's "Crashing".
    expect(rows).toEqual([
      { user_id: acme.viewer.userId, title: 'Screening failed' },
      { user_id: acme.owner.userId, title: 'Crashing failed' },
    ]);
    const mails = await t.services.pool.query(
      `SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' = 'Screening failed'`,
    );
    expect(mails.rows).toHaveLength(1);
  });

  it('a queued run, recorded with the enqueue, starts later', async () => {
    const ref = await withTenant(t.services.pool, acme.tenantId, (tx) =>
      createJobRun(tx, { tenantId: acme.tenantId, kind: 'test.work', title: 'Waiting' }),
    );
    expect((await list('?state=queued')).data.map((run) => run.title)).toEqual(['Waiting']);
    await startJobRun(t.services, ref);
    expect((await list('?state=running')).data.map((run) => run.title)).toEqual(['Waiting']);
  });

  it('pages by cursor, gets one, and hides other tenants’ runs', async () => {
    const first = await list('?limit=2');
    expect(first.data).toHaveLength(2);
    const rest = await list(`?limit=10&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeNull();
    expect([...first.data, ...rest.data].map((run) => run.title)).toEqual([
      'Waiting',
      'Crashing',
      'Screening',
      'Counting',
    ]);
    const id = first.data[0]?.id as string;
    const one = await send<Run>(t, 'GET', `/partner/jobs/${id}`, undefined, acme.viewer);
    expect(one.body.title).toBe('Waiting');
    const foreign = await send(t, 'GET', `/partner/jobs/${id}`, undefined, other.owner);
    expect(foreign.status).toBe(404);
    expect((await list('', other.owner)).data).toEqual([]);
  });

  it('answers 400 to a bad state or cursor', async () => {
    expect((await send(t, 'GET', '/partner/jobs?state=done', undefined, acme.owner)).status).toBe(400);
    expect((await send(t, 'GET', '/partner/jobs?cursor=xyz', undefined, acme.owner)).status).toBe(400);
  });
});

describe('the request log export as a job run', () => {
  it('is recorded as running, then succeeded once the file is read', async () => {
    for (let i = 0; i < 3; i++) await call(t, 'GET', '/partner/projects', undefined, other.owner);
    await requestLogWriter(t.services)?.flush();
    const response = await call(t, 'GET', '/partner/logs/export?format=csv', undefined, other.owner);
    expect(response.status).toBe(200);
    expect((await list('', other.owner)).data[0]).toMatchObject({ kind: 'logs.export', state: 'running' });
    await response.text();
    await expect
      .poll(async () => (await list('', other.owner)).data[0])
      .toMatchObject({
        kind: 'logs.export',
        title: 'Request log export (CSV)',
        state: 'succeeded',
        progress: 100,
      });
  });

  it('is recorded as failed when the download is cancelled', async () => {
    const response = await call(t, 'GET', '/partner/logs/export?format=json', undefined, other.owner);
    await response.body?.cancel();
    await expect
      .poll(async () => (await list('', other.owner)).data[0])
      .toMatchObject({ state: 'failed', error: 'The download was cancelled before it finished.' });
  });
});
