import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { TENANT_ROLE, withTenant } from './tenant.js';
import { withTransaction } from './transaction.js';

let t: TestApp;
const tenantA = uuidv7();
const tenantB = uuidv7();

beforeAll(async () => {
  t = await createTestApp();
  for (const [id, name] of [
    [tenantA, 'A'],
    [tenantB, 'B'],
  ]) {
    await t.services.pool.query(`INSERT INTO tenants (id, name) VALUES ($1, $2)`, [id, name]);
    await t.services.pool.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, $3)`, [
      uuidv7(),
      id,
      `${name} project`,
    ]);
  }
});
afterAll(async () => t?.close());

describe('row-level security: the second wall', () => {
  it('shows a tenant-role query without tenant context no rows at all', async () => {
    const seen = await withTransaction(t.services.pool, async (tx) => {
      await tx.client.query(`SET LOCAL ROLE ${TENANT_ROLE}`);
      return (await tx.client.query('SELECT name FROM projects')).rows;
    });
    expect(seen).toEqual([]);
  });

  it('shows a tenant only its own rows, even to a query that forgets the tenant filter', async () => {
    const seen = await withTenant(t.services.pool, tenantA, async (tx) =>
      (await tx.client.query<{ name: string }>('SELECT name FROM projects')).rows.map((row) => row.name),
    );
    expect(seen).toEqual(['A project']);
    const tenantsSeen = await withTenant(t.services.pool, tenantB, async (tx) =>
      (await tx.client.query<{ name: string }>('SELECT name FROM tenants')).rows.map((row) => row.name),
    );
    expect(tenantsSeen).toEqual(['B']);
  });

  it('refuses a tenant id that is not a UUID before it reaches the database', async () => {
    await expect(withTenant(t.services.pool, "x'; DROP TABLE projects; --", async () => 1)).rejects.toThrow(
      /not a UUID/,
    );
    const { rows } = await t.services.pool.query('SELECT count(*)::int AS n FROM projects');
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(
      withTenant(t.services.pool, tenantA, (tx) =>
        tx.client.query(`INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'sneaky')`, [
          uuidv7(),
          tenantB,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withTenant(
      t.services.pool,
      tenantA,
      async (tx) =>
        (await tx.client.query(`UPDATE projects SET name = 'taken' WHERE tenant_id = $1`, [tenantB]))
          .rowCount,
    );
    expect(updated).toBe(0);
  });

  it('protects every table that has a tenant_id column (forced RLS and a tenant policy)', async () => {
    const { rows } = await t.services.pool.query<{ table: string; forced: boolean; policy: boolean }>(
      `SELECT c.relname AS table, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS policy
         FROM information_schema.columns col
         JOIN pg_class c ON c.relname = col.table_name
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
        WHERE col.table_schema = 'public' AND col.column_name = 'tenant_id' AND c.relkind IN ('r', 'p')
          -- A partition is read through its parent, where the policy applies; the tenant role has
          -- no rights on partitions themselves (the request log's partition function revokes them).
          AND NOT c.relispartition`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((row) => !row.forced || !row.policy)).toEqual([]);
  });
});
