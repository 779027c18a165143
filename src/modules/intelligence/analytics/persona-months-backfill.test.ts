// Migration 0029 fills customers.persona_months for installs that have analyses already: each
// customer gets its *latest* analysis's month-by-month personas, as the analysis job writes them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/test-app.js';
import { MIGRATIONS_DIR } from '../../../kernel/db/migrate.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { insertAnalysis, insertCustomer } from './analytics-test-support.js';

const BACKFILL = readFileSync(path.join(MIGRATIONS_DIR, '0029_customer_persona_months.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .at(-1) as string;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('migration 0029: persona months from the latest analysis', () => {
  it('copies each customer’s latest timeline, and leaves a customer without analyses empty', async () => {
    const db = t.services.pool;
    const tenant = uuidv7();
    await db.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Backfill')`, [tenant]);
    const twice = await insertCustomer(db, tenant, { externalRef: 'TWICE', persona: 'saver' });
    const never = await insertCustomer(db, tenant, { externalRef: 'NEVER' });
    await insertAnalysis(db, tenant, twice, {
      persona: 'commuter',
      createdAt: new Date('2026-01-01T00:00:00Z'),
      months: [['2025-11', 'commuter']],
    });
    await insertAnalysis(db, tenant, twice, {
      persona: 'saver',
      createdAt: new Date('2026-02-01T00:00:00Z'),
      months: [
        ['2025-12', 'commuter'],
        ['2026-01', 'saver'],
      ],
    });
    // As before the migration: analyses stored, nothing copied onto the customers.
    await db.query('UPDATE customers SET persona_months = NULL WHERE tenant_id = $1', [tenant]);

    await db.query(BACKFILL);

    const { rows } = await db.query<{ id: string; persona_months: Record<string, string> | null }>(
      'SELECT id, persona_months FROM customers WHERE tenant_id = $1',
      [tenant],
    );
    const months = new Map(rows.map((row) => [row.id, row.persona_months]));
    expect(months.get(twice)).toEqual({ '2025-12': 'commuter', '2026-01': 'saver' });
    expect(months.get(never)).toBeNull();
  });
});
