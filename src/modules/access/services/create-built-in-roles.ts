import type { TenantTx } from '../../../kernel/db/tenant.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { BUILT_IN_ROLES, type BuiltInRoleKey } from '../contract.js';
import { roles } from '../schema.js';

/** A new tenant's five built-in roles; returns their ids by key. */
export async function createBuiltInRoles(tx: TenantTx): Promise<Record<BuiltInRoleKey, string>> {
  const rows = BUILT_IN_ROLES.map((role) => ({
    id: uuidv7(),
    tenantId: tx.tenantId,
    key: role.key,
    name: role.name,
    description: role.description,
    builtIn: true,
  }));
  await tx.db.insert(roles).values(rows);
  return Object.fromEntries(rows.map((row) => [row.key, row.id])) as Record<BuiltInRoleKey, string>;
}
