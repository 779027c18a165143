// Test support: a tenant with its Owner and a Viewer, JSON calls with parsed answers, audit rows.

import { uuidv7 } from '../../src/kernel/ids/uuidv7.js';
import { type CallOptions, call, signUpAndSignIn, type TestAccount } from './accounts.js';
import type { TestApp } from './test-app.js';

export interface TenantAccounts {
  tenantId: string;
  owner: TestAccount;
  viewer: TestAccount;
}

/** A fresh tenant with its Owner, plus a second user who is only a Viewer there. */
export async function ownerAndViewer(t: TestApp, name: string): Promise<TenantAccounts> {
  const owner = await signUpAndSignIn(t, `${name}-owner@example.com`, { organisationName: `${name} org` });
  const { rows } = await t.services.pool.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM memberships WHERE user_id = $1',
    [owner.userId],
  );
  const tenantId = rows[0]?.tenant_id;
  if (!tenantId) throw new Error('the owner has no tenant');
  const viewer = await signUpAndSignIn(t, `${name}-viewer@example.com`, { organisationName: null });
  await t.services.pool.query(
    `INSERT INTO memberships (id, tenant_id, user_id, role_id)
     SELECT $1, $2, $3, id FROM roles WHERE tenant_id = $2 AND key = 'viewer'`,
    [uuidv7(), tenantId, viewer.userId],
  );
  return { tenantId, owner, viewer };
}

/** A JSON call whose answer body is parsed, for terse assertions. */
export async function send<T = Record<string, unknown>>(
  t: TestApp,
  method: string,
  path: string,
  body: unknown,
  as: CallOptions,
): Promise<{ status: number; body: T; contentType: string | null }> {
  const response = await call(t, method, path, body, as);
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    contentType: response.headers.get('content-type'),
  };
}

export interface AuditRow {
  action: string;
  target_id: string | null;
  target_label: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
}

/** The tenant's audit events with an action starting with the prefix, oldest first. */
export async function auditEvents(t: TestApp, tenantId: string, prefix: string): Promise<AuditRow[]> {
  const { rows } = await t.services.pool.query<AuditRow>(
    `SELECT action, target_id, target_label, before, after, metadata FROM audit_events
      WHERE tenant_id = $1 AND action LIKE $2 ORDER BY seq`,
    [tenantId, `${prefix}%`],
  );
  return rows;
}

export type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };

export const errorPaths = (problem: Problem) => (problem.errors ?? []).map((error) => error.path).sort();
