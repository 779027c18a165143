import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { systemActor } from '../../kernel/http/actor.js';
import { createTenant } from './services/create-tenant.js';
import { seedTenancyDemo } from './services/seed-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('tenancy demo data', () => {
  it('gives each demo tenant projects, apps in both environments and a profile, audited', async () => {
    const { id } = await createTenant(t.services, {
      name: 'Harbor Bank',
      type: 'bank',
      actor: systemActor('test'),
    });
    await seedTenancyDemo(t.services, {
      tenants: [
        { id, name: 'Harbor Bank', family: 'intelligence', owner: { userId: id, email: 'o@example.com' } },
      ],
    });
    const { rows } = await t.services.pool.query<{
      project: string;
      app: string | null;
      environment: string;
    }>(
      `SELECT p.name AS project, a.name AS app, a.environment FROM projects p
         LEFT JOIN apps a ON a.project_id = p.id WHERE p.tenant_id = $1 ORDER BY p.name, a.name`,
      [id],
    );
    expect(rows).toEqual([
      { project: 'Customer intelligence', app: 'Analyst sandbox', environment: 'sandbox' },
      { project: 'Customer intelligence', app: 'Core banking connector', environment: 'production' },
      { project: 'Fraud screening', app: null, environment: null },
    ]);
    const tenant = await t.services.pool.query(
      'SELECT brand_color, contact_name FROM tenants WHERE id = $1',
      [id],
    );
    expect(tenant.rows[0]).toEqual({ brand_color: '#0b5394', contact_name: 'Olivia Owner' });
    const audit = await t.services.pool.query<{ action: string }>(
      'SELECT action FROM audit_events WHERE tenant_id = $1 ORDER BY seq',
      [id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'tenant.created',
      'tenant.updated',
      'project.created',
      'app.created',
      'app.created',
      'project.created',
    ]);
  });
});
