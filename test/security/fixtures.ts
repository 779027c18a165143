import { createHash } from 'node:crypto';
import { withTenant } from '../../src/kernel/db/tenant.js';
import { toPublicId } from '../../src/kernel/ids/public-id.js';
import { uuidv7 } from '../../src/kernel/ids/uuidv7.js';
import { insertCustomer } from '../../src/modules/intelligence/customers/customers-test-support.js';
import { startJobRun } from '../../src/modules/jobs/index.js';
import { requestLogWriter } from '../../src/modules/logs/index.js';
import { notify } from '../../src/modules/notifications/index.js';
import { call, type TestAccount } from '../harness/accounts.js';
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

async function victimRow(victim: VictimTenant, sql: string): Promise<string> {
  const { rows } = await victim.t.services.pool.query<{ id: string }>(sql, [victim.tenantId]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no victim row for: ${sql}`);
  return id;
}

/** An invitation in the victim tenant; returns its id and the token of its link. */
async function victimInvitation(victim: VictimTenant, status: 'pending' | 'accepted') {
  const token = `victim-${status}-${uuidv7()}`;
  const id = await victimRow(
    victim,
    `INSERT INTO invitations (id, tenant_id, email, role_id, token_hash, status, expires_at)
     SELECT '${uuidv7()}', $1, 'invitee-${status}@victim.example', r.id,
            '${createHash('sha256').update(token).digest('hex')}', '${status}', now() + interval '7 days'
       FROM roles r WHERE r.tenant_id = $1 AND r.key = 'viewer'
     RETURNING id`,
  );
  return { id, token };
}

/** A webhook endpoint of the victim's app with one message, written directly (no DNS, no secret use). */
let victimWebhook: Promise<{ endpointId: string; messageId: string }> | undefined;
function victimEndpointAndMessage(victim: VictimTenant) {
  victimWebhook ??= (async () => {
    const { appId } = await victimProjectAndApp(victim);
    const endpointId = uuidv7();
    const eventId = uuidv7();
    const messageId = uuidv7();
    const pool = victim.t.services.pool;
    await pool.query(
      `INSERT INTO webhook_endpoints (id, tenant_id, app_id, url, secret) VALUES ($1, $2, $3, 'https://hooks.victim.example/', 'v1.x.x.x')`,
      [endpointId, victim.tenantId, appId],
    );
    await pool.query(
      `INSERT INTO events (id, tenant_id, app_id, type, payload, dispatched_at) VALUES ($1, $2, $3, 'webhook.test', '{}', now())`,
      [eventId, victim.tenantId, appId],
    );
    await pool.query(
      `INSERT INTO webhook_messages (id, tenant_id, endpoint_id, event_id, status) VALUES ($1, $2, $3, $4, 'failed')`,
      [messageId, victim.tenantId, endpointId, eventId],
    );
    return { endpointId, messageId };
  })();
  return victimWebhook;
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
  roleId: async (victim) =>
    toPublicId(
      'role',
      await victimRow(victim, `SELECT id FROM roles WHERE tenant_id = $1 AND key = 'viewer'`),
    ),
  memberId: async (victim) =>
    toPublicId('member', await victimRow(victim, 'SELECT id FROM memberships WHERE tenant_id = $1')),
  keyId: async (victim) => {
    const appId = toPublicId('app', (await victimProjectAndApp(victim)).appId);
    const response = await call(
      victim.t,
      'POST',
      '/partner/api-keys',
      { appId, label: 'Victim key', scopes: ['apps:read'] },
      victim.owner,
    );
    if (response.status !== 201) throw new Error(`victim key not created: ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  },
  invitationId: async (victim) => toPublicId('invitation', (await victimInvitation(victim, 'pending')).id),
  // An invitation link is a bearer capability, not a tenant id: a used one must open nothing.
  token: async (victim) => (await victimInvitation(victim, 'accepted')).token,
  // Sign-up wrote the victim's `tenant.created` event.
  eventId: async ({ t, tenantId }) => {
    const { rows } = await t.services.pool.query<{ id: string }>(
      'SELECT id FROM audit_events WHERE tenant_id = $1 ORDER BY seq LIMIT 1',
      [tenantId],
    );
    return toPublicId('audit', rows[0]?.id as string);
  },
  endpointId: async (victim) => toPublicId('endpoint', (await victimEndpointAndMessage(victim)).endpointId),
  deliveryId: async (victim) => toPublicId('delivery', (await victimEndpointAndMessage(victim)).messageId),
  jobId: async ({ t, tenantId }) => {
    const run = await startJobRun(t.services, { tenantId, kind: 'test.victim', title: 'Victim job' });
    return toPublicId('job', run.id);
  },
  notificationId: async ({ t, tenantId, owner }) => {
    const sent = await withTenant(t.services.pool, tenantId, (tx) =>
      notify(t.services, tx, {
        tenantId,
        userIds: [owner.userId],
        category: 'report_ready',
        title: 'Victim report',
        body: 'Ready.',
      }),
    );
    return sent.notifications[0]?.id as string;
  },
  // The victim's own request, written to its request log.
  logId: async (victim) => {
    await call(victim.t, 'GET', '/partner/projects', undefined, victim.owner);
    await requestLogWriter(victim.t.services)?.flush();
    const { rows } = await victim.t.services.pool.query<{ id: string }>(
      'SELECT id FROM request_logs WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1',
      [victim.tenantId],
    );
    return toPublicId('requestLog', rows[0]?.id as string);
  },
  customerId: async ({ t, tenantId }) =>
    toPublicId('customer', await insertCustomer(t.services.pool, tenantId, { externalRef: 'VICTIM-1' })),
};
