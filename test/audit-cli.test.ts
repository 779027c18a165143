import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPublicId } from '../src/kernel/ids/public-id.js';
import { recordEvents, tamper, tenantOf } from '../src/modules/audit/audit-test-support.js';
import { signUpAndSignIn } from './harness/accounts.js';
import { runCli } from './harness/cli.js';
import { createTestApp, type TestApp } from './harness/test-app.js';

let t: TestApp;
let first: string;
let second: string;
beforeAll(async () => {
  t = await createTestApp();
  first = await tenantOf(t, (await signUpAndSignIn(t, 'first@example.com')).userId);
  second = await tenantOf(t, (await signUpAndSignIn(t, 'second@example.com')).userId);
  await recordEvents(t, null, [{ action: 'tenant.suspended', target: { type: 'tenant', id: 'ten_x' } }]);
});
afterAll(async () => t?.close());

const verify = (...args: string[]) =>
  runCli(['audit', 'verify', ...args], { DATABASE_URL: t.services.config.DATABASE_URL ?? '' });

describe('atrium audit verify', () => {
  it('prints one line per chain and exits 0 when every chain is intact', async () => {
    const result = await verify();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // Tenants come in id order; UUIDv7 ids sort by creation.
    expect(result.stdout.trim().split('\n')).toEqual([
      'operator chain: intact, 1 event',
      `tenant ${toPublicId('tenant', first)}: intact, 2 events`,
      `tenant ${toPublicId('tenant', second)}: intact, 2 events`,
    ]);
  });

  it('exits 1 after tampering and names the first broken link', async () => {
    await recordEvents(t, second, [{ action: 'app.created', target: { type: 'app' } }]);
    await tamper(t, `UPDATE audit_events SET action = 'app.deleted' WHERE tenant_id = $1 AND seq = 3`, [
      second,
    ]);
    const { rows } = await t.services.pool.query<{ id: string }>(
      'SELECT id FROM audit_events WHERE tenant_id = $1 AND seq = 3',
      [second],
    );
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`tenant ${toPublicId('tenant', first)}: intact, 2 events`);
    expect(result.stdout).toContain(
      `tenant ${toPublicId('tenant', second)}: BROKEN at seq 3 (${toPublicId('audit', rows[0]?.id ?? '')}): hash_mismatch; 2 events intact before it`,
    );
    expect(result.stderr).toContain('1 audit chain is broken');
  });

  it('checks one tenant with --tenant, and refuses what is not a tenant id', async () => {
    const intact = await verify('--tenant', toPublicId('tenant', first));
    expect(intact.code).toBe(0);
    expect(intact.stdout.trim()).toBe(`tenant ${toPublicId('tenant', first)}: intact, 2 events`);
    expect((await verify('--tenant', toPublicId('tenant', second))).code).toBe(1);
    const bogus = await verify('--tenant', 'acme');
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toContain('not a tenant id: acme');
  });
});
