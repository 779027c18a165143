import { toPublicId } from '../../src/kernel/ids/public-id.js';
import type { TestAccount } from '../harness/accounts.js';
import type { TestApp } from '../harness/test-app.js';

export interface VictimTenant {
  t: TestApp;
  owner: TestAccount;
  /** The tenant's UUID. */
  tenantId: string;
}

/**
 * For each path parameter name used by any route: how to get the id of a real object in the
 * victim tenant. The suite refuses a route whose parameter has no entry here, so a new kind of
 * object cannot slip past the cross-tenant check.
 */
export const crossTenantFixtures: Record<string, (victim: VictimTenant) => Promise<string>> = {
  tenantId: async ({ tenantId }) => toPublicId('tenant', tenantId),
};
