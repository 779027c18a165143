import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn, type TestAccount } from '../../../test/harness/accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTenant } from '../../kernel/db/tenant.js';
import { toPublicId } from '../../kernel/ids/public-id.js';
import { recordEvents, tamper, tenantOf } from './audit-test-support.js';
import { chainHash } from './services/chain-hash.js';
import { verifyAuditChain } from './services/verify-audit-chain.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const fiveEvents = ['app.created', 'app.updated', 'key.created', 'key.rotated', 'key.revoked'].map(
  (action) => ({
    action,
    target: { type: action.split('.')[0] ?? 'thing', id: `thing_${action}` },
    after: { step: action },
  }),
);

/** A signed-in Owner of a fresh tenant whose chain holds sign-up's 2 events and 5 more. */
async function tenantWithSevenEvents(email: string): Promise<{ account: TestAccount; tenantId: string }> {
  const account = await signUpAndSignIn(t, email);
  const tenantId = await tenantOf(t, account.userId);
  await recordEvents(t, tenantId, fiveEvents);
  return { account, tenantId };
}

async function eventId(tenantId: string, seq: number): Promise<string> {
  const { rows } = await t.services.pool.query<{ id: string }>(
    'SELECT id FROM audit_events WHERE tenant_id = $1 AND seq = $2',
    [tenantId, seq],
  );
  if (!rows[0]) throw new Error(`no event ${seq}`);
  return toPublicId('audit', rows[0].id);
}

async function verifyOverApi(account: TestAccount): Promise<unknown> {
  const response = await call(t, 'GET', '/partner/audit/verify', undefined, account);
  expect(response.status).toBe(200);
  return response.json();
}

describe('audit chain verification', () => {
  it('finds the events recordAudit wrote intact, through the service and the API', async () => {
    const { account, tenantId } = await tenantWithSevenEvents('intact@example.com');
    expect(await verifyAuditChain(t.services, tenantId)).toEqual({ ok: true, events: 7 });
    // Pages of two: the walk carries the previous hash and the expected seq across reads.
    expect(await verifyAuditChain(t.services, tenantId, { batchSize: 2 })).toEqual({ ok: true, events: 7 });
    expect(await verifyOverApi(account)).toEqual({ ok: true, events: 7 });
  });

  it('reports a row edited in SQL as the first broken link (hash_mismatch)', async () => {
    const { account, tenantId } = await tenantWithSevenEvents('edited@example.com');
    const changed = await tamper(
      t,
      `UPDATE audit_events SET after = '{"step": "nothing to see"}' WHERE tenant_id = $1 AND seq = 4`,
      [tenantId],
    );
    expect(changed).toBe(1);
    const expected = {
      ok: false,
      events: 3,
      brokenAt: { id: await eventId(tenantId, 4), seq: 4, reason: 'hash_mismatch' },
    };
    expect(await verifyOverApi(account)).toEqual(expected);
    expect(await verifyAuditChain(t.services, tenantId, { batchSize: 2 })).toEqual(expected);
  });

  it('reports the next row when an edited row was given a freshly computed hash (prev_hash_mismatch)', async () => {
    const { account, tenantId } = await tenantWithSevenEvents('rehashed@example.com');
    const { rows } = await t.services.pool.query(
      'SELECT * FROM audit_events WHERE tenant_id = $1 AND seq = 3',
      [tenantId],
    );
    const row = rows[0];
    const forged = chainHash({
      id: row.id,
      tenantId: row.tenant_id,
      seq: Number(row.seq),
      occurredAt: row.occurred_at,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorLabel: 'someone else',
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      targetLabel: row.target_label,
      ip: row.ip,
      userAgent: row.user_agent,
      requestId: row.request_id,
      before: row.before,
      after: row.after,
      metadata: row.metadata,
      prevHash: row.prev_hash,
    });
    await tamper(t, `UPDATE audit_events SET actor_label = 'someone else', hash = $2 WHERE id = $1`, [
      row.id,
      forged,
    ]);
    expect(await verifyOverApi(account)).toEqual({
      ok: false,
      events: 3,
      brokenAt: { id: await eventId(tenantId, 4), seq: 4, reason: 'prev_hash_mismatch' },
    });
  });

  it('reports a deleted middle row as a gap at the row after it', async () => {
    const { account, tenantId } = await tenantWithSevenEvents('deleted@example.com');
    const after = await eventId(tenantId, 5);
    expect(await tamper(t, 'DELETE FROM audit_events WHERE tenant_id = $1 AND seq = 4', [tenantId])).toBe(1);
    expect(await verifyOverApi(account)).toEqual({
      ok: false,
      events: 3,
      brokenAt: { id: after, seq: 5, reason: 'sequence_gap' },
    });
  });

  it('verifies only the caller’s chain: another tenant’s tampering does not show', async () => {
    const broken = await tenantWithSevenEvents('broken-neighbour@example.com');
    const healthy = await tenantWithSevenEvents('healthy@example.com');
    await tamper(t, `UPDATE audit_events SET ip = '198.51.100.1' WHERE tenant_id = $1 AND seq = 1`, [
      broken.tenantId,
    ]);
    expect(await verifyOverApi(healthy.account)).toEqual({ ok: true, events: 7 });
    expect(await verifyOverApi(broken.account)).toMatchObject({ ok: false, events: 0, brokenAt: { seq: 1 } });
  });

  it('verifies the operator chain (events outside any tenant)', async () => {
    await recordEvents(t, null, fiveEvents.slice(0, 3));
    expect(await verifyAuditChain(t.services, null)).toEqual({ ok: true, events: 3 });
  });

  it('refuses UPDATE and DELETE to the tenant role outright, and to the owner through the trigger', async () => {
    const { tenantId } = await tenantWithSevenEvents('locked@example.com');
    await expect(
      withTenant(t.services.pool, tenantId, (tx) =>
        tx.client.query(`UPDATE audit_events SET actor_label = 'x' WHERE tenant_id = $1`, [tenantId]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTenant(t.services.pool, tenantId, (tx) =>
        tx.client.query('DELETE FROM audit_events WHERE tenant_id = $1', [tenantId]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.services.pool.query(`UPDATE audit_events SET actor_label = 'x' WHERE tenant_id = $1`, [tenantId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.services.pool.query('DELETE FROM audit_events WHERE tenant_id = $1', [tenantId]),
    ).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.services, tenantId)).toEqual({ ok: true, events: 7 });
  });

  it('answers 401 without a session', async () => {
    const anonymous = await call(t, 'GET', '/partner/audit/verify');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json');
  });
});
