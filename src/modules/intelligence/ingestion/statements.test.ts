import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { systemActor } from '../../../kernel/http/actor.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { readStatement } from './read-statement.js';
import type { StatementView } from './statement-schemas.js';
import {
  csvOf,
  newKey,
  postStatement,
  type StatementTenant,
  statementTenant,
  syntheticRows,
} from './statements-test-support.js';
import { storeStatement } from './store-statement.js';

let t: TestApp;
let acme: StatementTenant;
let rival: StatementTenant;
beforeAll(async () => {
  t = await createTestApp();
  acme = await statementTenant(t, 'ingest-acme');
  rival = await statementTenant(t, 'ingest-rival');
});
afterAll(async () => t?.close());

type Answer = StatementView & Problem & { reason?: string };

const json = (externalRef: string, rows: unknown[], customer: Record<string, unknown> = {}) =>
  JSON.stringify({ customer: { externalRef, ...customer }, transactions: rows });

async function counts(tenantId: string) {
  const { rows } = await t.services.pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM customers WHERE tenant_id = $1) AS customers,
            (SELECT count(*)::int FROM statements WHERE tenant_id = $1) AS statements,
            (SELECT count(*)::int FROM transactions WHERE tenant_id = $1) AS transactions,
            (SELECT count(*)::int FROM job_runs WHERE tenant_id = $1 AND kind = 'intelligence.analyze-customer') AS runs,
            (SELECT count(*)::int FROM events WHERE tenant_id = $1 AND type = 'statement.received') AS events`,
    [tenantId],
  );
  return rows[0] as {
    customers: number;
    statements: number;
    transactions: number;
    runs: number;
    events: number;
  };
}

async function customerRow(tenantId: string, externalRef: string) {
  const { rows } = await t.services.pool.query(
    `SELECT id, birth_year, gender, region, transaction_count, first_transaction_on::text AS first,
            last_transaction_on::text AS last
       FROM customers WHERE tenant_id = $1 AND external_ref = $2`,
    [tenantId, externalRef],
  );
  return rows[0];
}

describe('POST /v1/statements (JSON)', () => {
  it('creates the customer, stores categorised rows, queues the analysis and emits statement.received', async () => {
    const rows = syntheticRows(30, { idPrefix: 'json-happy' });
    const answer = await postStatement<Answer>(
      t,
      json('CUST-JSON-1', rows, { birthYear: 1987, gender: 'female', region: 'Nairobi' }),
      { secret: acme.secret },
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      customer: { externalRef: 'CUST-JSON-1' },
      format: 'json',
      receivedCount: 30,
      storedCount: 30,
      duplicateCount: 0,
      periodStart: '2024-01-01',
      periodEnd: '2024-01-30',
    });
    expect(answer.body.id).toMatch(/^stm_/);
    expect(answer.body.jobRunId).toMatch(/^job_/);

    const customer = await customerRow(acme.tenantId, 'CUST-JSON-1');
    expect(customer).toMatchObject({
      id: fromPublicId('customer', answer.body.customer.id),
      birth_year: 1987,
      gender: 'female',
      region: 'Nairobi',
      transaction_count: 30,
      first: '2024-01-01',
      last: '2024-01-30',
    });
    const stored = await t.services.pool.query<{ category: string; amount: string; dedupe_key: string }>(
      `SELECT category, category_source, amount::text AS amount, dedupe_key FROM transactions
        WHERE customer_id = $1 AND partner_transaction_id = 'json-happy-0'`,
      [customer?.id],
    );
    expect(stored.rows).toEqual([
      { category: 'groceries', category_source: 'mcc', amount: '-42.50', dedupe_key: 'p:json-happy-0' },
    ]);

    const run = await t.services.pool.query('SELECT title, state FROM job_runs WHERE id = $1', [
      fromPublicId('job', answer.body.jobRunId as string),
    ]);
    expect(run.rows).toEqual([{ title: 'Customer analysis (CUST-JSON-1)', state: 'queued' }]);
    const event = await t.services.pool.query<{ app_id: string; payload: Record<string, unknown> }>(
      `SELECT app_id, payload FROM events WHERE tenant_id = $1 AND type = 'statement.received'
        AND payload->>'statementId' = $2`,
      [acme.tenantId, answer.body.id],
    );
    expect(event.rows).toEqual([
      {
        app_id: fromPublicId('app', acme.appId),
        payload: expect.objectContaining({ storedCount: 30, externalRef: 'CUST-JSON-1' }),
      },
    ]);
  });

  it('refuses malformed JSON and other content types without storing anything', async () => {
    const before = await counts(acme.tenantId);
    const broken = await postStatement<Answer>(
      t,
      '{"customer": {"externalRef": "X"}, "transactions": [{"date": }',
      {
        secret: acme.secret,
      },
    );
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('malformed_json');
    const xml = await postStatement<Answer>(t, '<statement/>', {
      secret: acme.secret,
      contentType: 'application/xml',
    });
    expect(xml.status).toBe(415);
    expect(await counts(acme.tenantId)).toEqual(before);
  });

  it('lists every bad row by array index and reason, and stores nothing', async () => {
    const before = await counts(acme.tenantId);
    const rows: unknown[] = syntheticRows(5, { idPrefix: 'json-bad' });
    rows[1] = { ...(rows[1] as object), date: '2024-02-30' };
    rows[3] = { ...(rows[3] as object), amount: '12.345' };
    rows[4] = 'not an object';
    const answer = await postStatement<Answer>(t, json('CUST-JSON-BAD', rows), { secret: acme.secret });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { path: 'body.transactions.1.date', message: 'Not a calendar day in the form YYYY-MM-DD.' },
      { path: 'body.transactions.3.amount', message: 'A signed decimal with at most two fraction digits.' },
      { path: 'body.transactions.4', message: 'Each transaction must be an object.' },
    ]);
    expect(answer.body.detail).toContain('3 of 5 rows are not valid');
    expect(await counts(acme.tenantId)).toEqual(before);
  });
});

describe('POST /v1/statements (CSV)', () => {
  it('reads the header and the customer from the query string', async () => {
    const rows = syntheticRows(12, { idPrefix: 'csv-happy' });
    rows[0] = { ...(rows[0] as (typeof rows)[number]), description: 'PAYMENT "QUOTED", WITH COMMA' };
    const answer = await postStatement<Answer>(t, csvOf(rows), {
      secret: acme.secret,
      contentType: 'text/csv; charset=utf-8',
      query: 'customerRef=CUST-CSV-1&birthYear=1990&region=Mombasa',
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      format: 'csv',
      customer: { externalRef: 'CUST-CSV-1' },
      receivedCount: 12,
      storedCount: 12,
    });
    expect(await customerRow(acme.tenantId, 'CUST-CSV-1')).toMatchObject({
      birth_year: 1990,
      region: 'Mombasa',
    });
    const quoted = await t.services.pool.query(
      `SELECT description FROM transactions WHERE tenant_id = $1 AND partner_transaction_id = 'csv-happy-0'`,
      [acme.tenantId],
    );
    expect(quoted.rows).toEqual([{ description: 'PAYMENT "QUOTED", WITH COMMA' }]);
  });

  it('lists bad rows by CSV line (the header is line 1) and stores nothing', async () => {
    const before = await counts(acme.tenantId);
    const csv = [
      'date,amount,currency,description',
      '2024-03-01,-10.00,EUR,COFFEE',
      '2024-03-02,ten,EUR,COFFEE',
      '2024-03-03,-10.00,EURO,COFFEE',
      '2024-03-04,-10.00,EUR,COFFEE,extra',
      '2024-03-05,-10.00,EUR,',
      '',
    ].join('\n');
    const answer = await postStatement<Answer>(t, csv, {
      secret: acme.secret,
      contentType: 'text/csv',
      query: 'customerRef=CUST-CSV-BAD',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.reason).toBe('invalid_rows');
    expect(answer.body.errors?.map((error) => error.path)).toEqual([
      'line.3.amount',
      'line.4.currency',
      'line.5',
      'line.6.description',
    ]);
    expect(answer.body.detail).toContain('4 of 5 rows are not valid');
    expect(await counts(acme.tenantId)).toEqual(before);
  });

  it('refuses an unknown or missing column, and a missing customerRef', async () => {
    const header = await postStatement<Answer>(t, 'date,amount,currency,memo\n2024-03-01,1,EUR,x\n', {
      secret: acme.secret,
      contentType: 'text/csv',
      query: 'customerRef=CUST-CSV-HEAD',
    });
    expect(header.status).toBe(400);
    expect(header.body.errors).toEqual([
      { path: 'line.1', message: 'Unknown column "memo".' },
      { path: 'line.1', message: 'Missing column "description".' },
    ]);
    const noCustomer = await postStatement<Answer>(t, csvOf(syntheticRows(1)), {
      secret: acme.secret,
      contentType: 'text/csv',
    });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.body.errors?.[0]?.path).toBe('query.customerRef');
  });

  it('caps the listed errors and says how many more there are', async () => {
    const rows = syntheticRows(150, { idPrefix: 'csv-many' }).map((row) => ({ ...row, currency: 'EURO' }));
    const answer = await postStatement<Answer>(t, csvOf(rows), {
      secret: acme.secret,
      contentType: 'text/csv',
      query: 'customerRef=CUST-CSV-MANY',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(100);
    expect(answer.body.detail).toBe(
      'Nothing was stored: 150 of 150 rows are not valid (the first 100 are listed, 50 more are not).',
    );
  });
});

describe('limits, duplicates and idempotency', () => {
  it('refuses more than 50,000 rows with a 413 and stores nothing', async () => {
    const before = await counts(acme.tenantId);
    const answer = await postStatement<Answer>(t, csvOf(syntheticRows(50_001, { idPrefix: 'too-many' })), {
      secret: acme.secret,
      contentType: 'text/csv',
      query: 'customerRef=CUST-TOO-MANY',
    });
    expect(answer.status).toBe(413);
    expect(answer.body.reason).toBe('too_many_transactions');
    expect(answer.body.detail).toContain('at most 50,000 transactions');
    expect(await counts(acme.tenantId)).toEqual(before);
  });

  it('replays an Idempotency-Key’s answer, and a plain re-send stores nothing twice', async () => {
    const body = json('CUST-IDEM', syntheticRows(20, { idPrefix: 'idem' }));
    const headers = { 'idempotency-key': 'statement-idem-1' };
    const first = await postStatement<Answer>(t, body, { secret: acme.secret, headers });
    expect(first.status).toBe(202);
    const replay = await postStatement<Answer>(t, body, { secret: acme.secret, headers });
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const afterReplay = await counts(acme.tenantId);

    const resent = await postStatement<Answer>(t, body, { secret: acme.secret });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({
      receivedCount: 20,
      storedCount: 0,
      duplicateCount: 20,
      jobRunId: null,
    });
    const afterResend = await counts(acme.tenantId);
    expect(afterResend).toEqual({
      ...afterReplay,
      statements: afterReplay.statements + 1,
      events: afterReplay.events + 1,
    });
    expect(await customerRow(acme.tenantId, 'CUST-IDEM')).toMatchObject({ transaction_count: 20 });
  });

  it('fingerprints a keyed upload as it streams: another body under the key is a 422, a refused one frees the key', async () => {
    const headers = { 'idempotency-key': 'statement-idem-2' };
    const body = json('CUST-IDEM-2', syntheticRows(30, { idPrefix: 'idem-2' }));
    expect((await postStatement<Answer>(t, body, { secret: acme.secret, headers })).status).toBe(202);
    const other = await postStatement<Answer>(
      t,
      json('CUST-IDEM-2', syntheticRows(31, { idPrefix: 'idem-2' })),
      { secret: acme.secret, headers },
    );
    expect(other.status).toBe(422);
    expect(other.body.reason).toBe('idempotency_key_reused');

    // Refused while its body was still being read (past 50,000 rows): nothing stored under the
    // key, so the corrected upload with the same key runs.
    const tooMany = { 'idempotency-key': 'statement-idem-3' };
    const refused = await postStatement<Answer>(t, csvOf(syntheticRows(50_001, { idPrefix: 'idem-3' })), {
      secret: acme.secret,
      contentType: 'text/csv',
      query: 'customerRef=CUST-IDEM-3',
      headers: tooMany,
    });
    expect(refused.status).toBe(413);
    const corrected = await postStatement<Answer>(
      t,
      json('CUST-IDEM-3', syntheticRows(5, { idPrefix: 'idem-3' })),
      { secret: acme.secret, headers: tooMany },
    );
    expect(corrected.status).toBe(202);
    expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    expect(corrected.body).toMatchObject({ storedCount: 5 });
  });

  it('keeps identical rows of one upload (occurrence index) and recognises them when re-sent', async () => {
    const coffee = { date: '2024-05-01', amount: -3.2, currency: 'EUR', description: 'COFFEE SHOP' };
    const rows = [coffee, coffee, { ...coffee, amount: '-3.20' }, { ...coffee, date: '2024-05-02' }];
    const first = await postStatement<Answer>(t, json('CUST-TWINS', rows), { secret: acme.secret });
    expect(first.body).toMatchObject({ storedCount: 4, duplicateCount: 0 });
    const again = await postStatement<Answer>(t, json('CUST-TWINS', [...rows, coffee]), {
      secret: acme.secret,
    });
    // The fourth identical coffee of 2024-05-01 is new; the rest were already there.
    expect(again.body).toMatchObject({ receivedCount: 5, storedCount: 1, duplicateCount: 4 });
    expect(await customerRow(acme.tenantId, 'CUST-TWINS')).toMatchObject({ transaction_count: 5 });
  });

  it('stores a partner id repeated within one upload once, for a new customer and a known one', async () => {
    const row = {
      date: '2024-06-01',
      amount: -9.5,
      currency: 'EUR',
      description: 'BAKERY',
      transactionId: 'T-1',
    };
    const repeated = [row, { ...row, amount: -12 }, { ...row, transactionId: 'T-2' }];
    const first = await postStatement<Answer>(t, json('CUST-REPEAT', repeated), { secret: acme.secret });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ receivedCount: 3, storedCount: 2, duplicateCount: 1 });
    const more = [{ ...row, transactionId: 'T-3' }, { ...row, transactionId: 'T-3' }, row];
    const again = await postStatement<Answer>(t, json('CUST-REPEAT', more), { secret: acme.secret });
    expect(again.body).toMatchObject({ receivedCount: 3, storedCount: 1, duplicateCount: 2 });
    expect(await customerRow(acme.tenantId, 'CUST-REPEAT')).toMatchObject({ transaction_count: 3 });
  });

  it('sends a merged duplicate’s statements to the customer it was merged into', async () => {
    await postStatement(t, json('CUST-SURVIVOR', syntheticRows(2, { idPrefix: 'surv' })), {
      secret: acme.secret,
    });
    await postStatement(t, json('CUST-DUPLICATE', syntheticRows(1, { idPrefix: 'dup' })), {
      secret: acme.secret,
    });
    const survivor = await customerRow(acme.tenantId, 'CUST-SURVIVOR');
    await t.services.pool.query(
      `UPDATE customers SET merged_into_id = $1, merged_at = now() WHERE tenant_id = $2 AND external_ref = 'CUST-DUPLICATE'`,
      [survivor?.id, acme.tenantId],
    );
    const answer = await postStatement<Answer>(
      t,
      json('CUST-DUPLICATE', syntheticRows(3, { idPrefix: 'after-merge' }), { region: 'Kisumu' }),
      { secret: acme.secret },
    );
    expect(answer.status).toBe(202);
    expect(answer.body.customer.externalRef).toBe('CUST-SURVIVOR');
    expect(await customerRow(acme.tenantId, 'CUST-SURVIVOR')).toMatchObject({
      transaction_count: 5,
      region: 'Kisumu',
    });
  });
});

describe('an archived customer', () => {
  it('comes back to the table when a statement adds transactions, audited; a re-send adds none and leaves it archived', async () => {
    const rows = syntheticRows(3, { idPrefix: 'archived' });
    await postStatement(t, json('CUST-ARCHIVED', rows), { secret: acme.secret });
    const archive = async () =>
      t.services.pool.query(
        `UPDATE customers SET archived_at = now() WHERE tenant_id = $1 AND external_ref = 'CUST-ARCHIVED'`,
        [acme.tenantId],
      );
    const archivedAt = async () =>
      (
        await t.services.pool.query<{ archived_at: Date | null }>(
          `SELECT archived_at FROM customers WHERE tenant_id = $1 AND external_ref = 'CUST-ARCHIVED'`,
          [acme.tenantId],
        )
      ).rows[0]?.archived_at;
    const unarchivedAudits = async () =>
      (
        await t.services.pool.query<{ after: { reason?: string } }>(
          `SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'customer.unarchived'`,
          [acme.tenantId],
        )
      ).rows;
    await archive();

    const resent = await postStatement<Answer>(t, json('CUST-ARCHIVED', rows), { secret: acme.secret });
    expect(resent.body).toMatchObject({ storedCount: 0, duplicateCount: 3 });
    expect(await archivedAt()).toBeInstanceOf(Date);
    expect(await unarchivedAudits()).toEqual([]);

    const fresh = await postStatement<Answer>(
      t,
      json('CUST-ARCHIVED', syntheticRows(2, { idPrefix: 'archived-new' })),
      { secret: acme.secret },
    );
    expect(fresh.body).toMatchObject({ storedCount: 2 });
    expect(await archivedAt()).toBeNull();
    expect(await unarchivedAudits()).toEqual([{ after: { archivedAt: null, reason: 'statement_received' } }]);
  });
});

describe('access and isolation', () => {
  it('refuses a key without statements:write (403) and a dashboard session (401)', async () => {
    const readOnly = await newKey(t, acme, acme.appId, ['apps:read']);
    const answer = await postStatement<Answer>(t, json('CUST-SCOPE', syntheticRows(1)), { secret: readOnly });
    expect(answer.status).toBe(403);
    const anonymous = await t.request('/v1/statements', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json('CUST-SCOPE', syntheticRows(1)),
    });
    expect(anonymous.status).toBe(401);
    expect(await customerRow(acme.tenantId, 'CUST-SCOPE')).toBeUndefined();
  });

  it('gives another tenant’s identical external ref its own customer', async () => {
    const mine = await postStatement<Answer>(
      t,
      json('CUST-SHARED-REF', syntheticRows(3, { idPrefix: 's' })),
      {
        secret: acme.secret,
      },
    );
    const theirs = await postStatement<Answer>(
      t,
      json('CUST-SHARED-REF', syntheticRows(3, { idPrefix: 's' })),
      {
        secret: rival.secret,
      },
    );
    expect(theirs.status).toBe(202);
    expect(theirs.body.storedCount).toBe(3);
    expect(theirs.body.customer.id).not.toBe(mine.body.customer.id);
    expect(await customerRow(rival.tenantId, 'CUST-SHARED-REF')).toMatchObject({ transaction_count: 3 });
    expect(await customerRow(acme.tenantId, 'CUST-SHARED-REF')).toMatchObject({ transaction_count: 3 });
  });
});

describe('storeStatement', () => {
  it('leaves nothing behind when its transaction rolls back', async () => {
    const before = await counts(acme.tenantId);
    const parsed = await readStatement(
      [new TextEncoder().encode(json('CUST-ROLLBACK', syntheticRows(50, { idPrefix: 'rb' })))],
      'application/json',
      {},
    );
    await expect(
      withTenant(t.services.pool, acme.tenantId, async (tx) => {
        const view = await storeStatement(
          t.services,
          tx,
          { tenantId: acme.tenantId, appId: null, keyId: null, actor: systemActor('test') },
          parsed,
        );
        expect(view.storedCount).toBe(50);
        throw new Error('the caller fails after storing');
      }),
    ).rejects.toThrow('the caller fails after storing');
    expect(await counts(acme.tenantId)).toEqual(before);
    expect(await customerRow(acme.tenantId, 'CUST-ROLLBACK')).toBeUndefined();
  });
});
