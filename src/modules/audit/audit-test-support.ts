import { signUpAndSignIn, type TestAccount } from '../../../test/harness/accounts.js';
import type { TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { withTransaction } from '../../kernel/db/transaction.js';
import { type Actor, systemActor } from '../../kernel/http/actor.js';
import { type AuditEntry, recordAudit } from './services/record-audit.js';

/** The tenant a signed-up user owns (the test accounts have exactly one). */
export async function tenantOf(t: TestApp, userId: string): Promise<string> {
  const { rows } = await t.services.pool.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM memberships WHERE user_id = $1',
    [userId],
  );
  const tenantId = rows[0]?.tenant_id;
  if (!tenantId) throw new Error(`user ${userId} has no tenant`);
  return tenantId;
}

/** Appends events to a chain, one transaction each, the way modules record them. */
export async function recordEvents(
  t: TestApp,
  tenantId: string | null,
  entries: AuditEntry[],
  actor: Actor = systemActor('audit test'),
): Promise<void> {
  for (const entry of entries) {
    if (tenantId)
      await withTenant(t.services.pool, tenantId, (tx) => recordAudit(tx, tenantId, actor, entry));
    else await withTransaction(t.services.pool, (tx) => recordAudit(tx, null, actor, entry));
  }
}

/**
 * Changes audit rows behind the application's back, as someone with the database owner's rights
 * could: the append-only trigger is switched off for this one transaction.
 */
export async function tamper(t: TestApp, statement: string, params: unknown[]): Promise<number> {
  return withTransaction(t.services.pool, async (tx) => {
    await tx.client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    const result = await tx.client.query(statement, params);
    await tx.client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    return result.rowCount ?? 0;
  });
}

export interface SeededTrail {
  ada: TestAccount;
  tenantA: string;
  bob: TestAccount;
  tenantB: string;
}

/**
 * Two tenants. Ada's chain: sign-up's `tenant.created` (1) and `member.added` (2), then 3–8 below,
 * with a key actor, a system actor, a LIKE wildcard, a formula and a multi-line label among them.
 * Bob's chain: sign-up's two events and one `member.role_changed`.
 */
export async function seedTrail(t: TestApp): Promise<SeededTrail> {
  const ada = await signUpAndSignIn(t, 'ada@example.com', { organisationName: 'Ada Co' });
  const tenantA = await tenantOf(t, ada.userId);
  const asAda: Actor = {
    type: 'user',
    id: ada.userId,
    label: 'ada@example.com',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (test)',
    requestId: 'req_test_1',
  };
  const grace = { type: 'member', id: 'mem_grace', label: 'grace@example.com' };
  await recordEvents(
    t,
    tenantA,
    [
      { action: 'member.role_changed', target: grace, before: { role: 'viewer' }, after: { role: 'admin' } },
      { action: 'invitation.sent', target: { type: 'invitation', id: 'inv_zoe', label: 'zoe@example.com' } },
    ],
    asAda,
  );
  await recordEvents(
    t,
    tenantA,
    [{ action: 'app.created', target: { type: 'app', id: 'app_pay', label: 'Payments 100%' } }],
    { ...asAda, type: 'api_key', id: 'key_ci', label: 'CI deploy key' },
  );
  await recordEvents(t, tenantA, [
    { action: 'role.updated', target: { type: 'role', id: 'rol_support', label: '=HYPERLINK("http://x")' } },
  ]);
  await recordEvents(
    t,
    tenantA,
    [
      { action: 'member.removed', target: grace, before: { role: 'admin' } },
      {
        action: 'key.created',
        target: { type: 'key', id: 'key_new', label: 'Line, with "quotes"\nand more' },
      },
    ],
    asAda,
  );
  const bob = await signUpAndSignIn(t, 'bob@example.com', { organisationName: 'Bob Co' });
  const tenantB = await tenantOf(t, bob.userId);
  await recordEvents(t, tenantB, [
    { action: 'member.role_changed', target: grace, before: { role: 'viewer' }, after: { role: 'admin' } },
  ]);
  return { ada, tenantA, bob, tenantB };
}
