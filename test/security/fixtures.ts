import { toPublicId } from '../../src/kernel/ids/public-id.js';
import { uuidv7 } from '../../src/kernel/ids/uuidv7.js';
import type { TestAccount } from '../harness/accounts.js';
import type { TestApp } from '../harness/test-app.js';

export interface VictimTenant {
  t: TestApp;
  owner: TestAccount;
  /** The tenant's UUID. */
  tenantId: string;
}

/** A project with one app in the victim tenant, made once and shared by both fixtures below. */
let victimProject: Promise<{ projectId: string; appId: string }> | undefined;
function victimProjectAndApp(victim: VictimTenant) {
  victimProject ??= (async () => {
    const projectId = uuidv7();
    const appId = uuidv7();
    await victim.t.services.pool.query(
      `INSERT INTO projects (id, tenant_id, name) VALUES ($1, $2, 'Victim project')`,
      [projectId, victim.tenantId],
    );
    await victim.t.services.pool.query(
      `INSERT INTO apps (id, tenant_id, project_id, name, environment) VALUES ($1, $2, $3, 'Victim app', 'production')`,
      [appId, victim.tenantId, projectId],
    );
    return { projectId, appId };
  })();
  return victimProject;
}

/**
 * For each path parameter name used by any route: how to get the id of a real object in the
 * victim tenant. The suite refuses a route whose parameter has no entry here, so a new kind of
 * object cannot slip past the cross-tenant check.
 */
export const crossTenantFixtures: Record<string, (victim: VictimTenant) => Promise<string>> = {
  tenantId: async ({ tenantId }) => toPublicId('tenant', tenantId),
  projectId: async (victim) => toPublicId('project', (await victimProjectAndApp(victim)).projectId),
  appId: async (victim) => toPublicId('app', (await victimProjectAndApp(victim)).appId),
  // Sign-up wrote the victim's `tenant.created` event.
  eventId: async ({ t, tenantId }) => {
    const { rows } = await t.services.pool.query<{ id: string }>(
      'SELECT id FROM audit_events WHERE tenant_id = $1 ORDER BY seq LIMIT 1',
      [tenantId],
    );
    return toPublicId('audit', rows[0]?.id as string);
  },
};
