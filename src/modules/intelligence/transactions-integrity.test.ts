// The tie between a transaction and its customer within its tenant, kept by the statement-level
// triggers of migration 0028 in place of a foreign key: what the key guaranteed must still hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { uuidv7 } from '../../kernel/ids/uuidv7.js';

let t: TestApp;
const tenantA = uuidv7();
const tenantB = uuidv7();
const customerA = uuidv7();
const customerB = uuidv7();

const query = (sql: string, params: unknown[] = []) => t.services.pool.query(sql, params);

beforeAll(async () => {
  t = await createTestApp();
  await query(`INSERT INTO tenants (id, name) VALUES ($1, 'A'), ($2, 'B')`, [tenantA, tenantB]);
  await query(`INSERT INTO customers (id, tenant_id, external_ref) VALUES ($1, $2, 'A-1'), ($3, $4, 'B-1')`, [
    customerA,
    tenantA,
    customerB,
    tenantB,
  ]);
});
afterAll(async () => t?.close());

/** Inserts one transaction per (tenant, customer) pair in a single statement; returns their ids. */
async function insertTransactions(pairs: [string, string][]): Promise<string[]> {
  const ids = pairs.map(() => uuidv7());
  await query(
    `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                               dedupe_key, category, category_confidence)
     SELECT id, tenant_id, customer_id, $4, '2024-01-01', -1, 'EUR', 'TEST', 'p:' || id, 'other', 0.5
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS r(id, tenant_id, customer_id)`,
    [ids, pairs.map(([tenant]) => tenant), pairs.map(([, customer]) => customer), uuidv7()],
  );
  return ids;
}

async function countOf(customerId: string): Promise<number> {
  const { rows } = await query('SELECT count(*)::int AS n FROM transactions WHERE customer_id = $1', [
    customerId,
  ]);
  return rows[0].n;
}

describe('transactions and their customer (statement-level triggers)', () => {
  it('stores rows that name a customer of their own tenant', async () => {
    const before = await countOf(customerA);
    await insertTransactions([
      [tenantA, customerA],
      [tenantA, customerA],
    ]);
    expect(await countOf(customerA)).toBe(before + 2);
  });

  it('refuses a whole statement when one row names no customer, or one of another tenant', async () => {
    const before = await countOf(customerA);
    await expect(insertTransactions([[tenantA, uuidv7()]])).rejects.toMatchObject({ code: '23503' });
    await expect(
      insertTransactions([
        [tenantA, customerA],
        [tenantA, customerB],
      ]),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await countOf(customerA)).toBe(before);
    expect(await countOf(customerB)).toBe(0);
  });

  it('checks an update that moves rows: to another tenant’s customer is refused', async () => {
    const [id] = await insertTransactions([[tenantA, customerA]]);
    await expect(
      query('UPDATE transactions SET customer_id = $2 WHERE id = $1', [id, customerB]),
    ).rejects.toMatchObject({ code: '23503' });
    const other = uuidv7();
    await query(`INSERT INTO customers (id, tenant_id, external_ref) VALUES ($1, $2, 'A-2')`, [
      other,
      tenantA,
    ]);
    await query('UPDATE transactions SET customer_id = $2 WHERE id = $1', [id, other]);
    expect(await countOf(other)).toBe(1);
  });

  it('holds for the tenant role under row-level security, as ingestion runs', async () => {
    const before = await countOf(customerA);
    await withTenant(t.services.pool, tenantA, (tx) =>
      tx.client.query(
        `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                                   dedupe_key, category, category_confidence)
         VALUES ($1, $2, $3, $4, '2024-01-02', -2, 'EUR', 'TENANT ROLE', 'p:tenant-role', 'other', 0.5)`,
        [uuidv7(), tenantA, customerA, uuidv7()],
      ),
    );
    expect(await countOf(customerA)).toBe(before + 1);
    await expect(
      withTenant(t.services.pool, tenantB, (tx) =>
        tx.client.query(
          `INSERT INTO transactions (id, tenant_id, customer_id, statement_id, booked_on, amount, currency, description,
                                     dedupe_key, category, category_confidence)
           VALUES ($1, $2, $3, $4, '2024-01-02', -2, 'EUR', 'CROSS', 'p:cross', 'other', 0.5)`,
          [uuidv7(), tenantB, customerA, uuidv7()],
        ),
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('refuses to change a customer’s id or tenant', async () => {
    await expect(
      query('UPDATE customers SET tenant_id = $2 WHERE id = $1', [customerA, tenantB]),
    ).rejects.toMatchObject({
      code: '23503',
    });
    await expect(
      query('UPDATE customers SET id = $2 WHERE id = $1', [customerA, uuidv7()]),
    ).rejects.toMatchObject({
      code: '23503',
    });
  });

  it('deletes a customer’s transactions with it, and a tenant’s with the tenant', async () => {
    const doomed = uuidv7();
    await query(`INSERT INTO customers (id, tenant_id, external_ref) VALUES ($1, $2, 'A-doomed')`, [
      doomed,
      tenantA,
    ]);
    await insertTransactions([
      [tenantA, doomed],
      [tenantA, doomed],
    ]);
    await query('DELETE FROM customers WHERE id = $1', [doomed]);
    expect(await countOf(doomed)).toBe(0);
    await insertTransactions([[tenantB, customerB]]);
    await query('DELETE FROM tenants WHERE id = $1', [tenantB]);
    expect(await countOf(customerB)).toBe(0);
    expect(await countOf(customerA)).toBeGreaterThan(0);
  });
});
