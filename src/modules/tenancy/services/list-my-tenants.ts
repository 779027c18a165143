import type { AppServices } from '../../../kernel/context.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { TENANT_TYPES } from '../contract.js';

export interface MyTenant {
  id: string;
  name: string;
  type: (typeof TENANT_TYPES)[number];
  role: string;
  active: boolean;
}

/** The active tenants a user belongs to, for the tenant switcher (system query: spans tenants). */
export async function listMyTenants(
  services: AppServices,
  userId: string,
  activeTenantId: string | null,
): Promise<MyTenant[]> {
  const { rows } = await services.pool.query<{
    id: string;
    name: string;
    type: MyTenant['type'];
    role: string;
  }>(
    `SELECT t.id, t.name, t.type, r.name AS role
       FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN roles r ON r.id = m.role_id
      WHERE m.user_id = $1 AND t.status = 'active'
      ORDER BY lower(t.name)`,
    [userId],
  );
  return rows.map((row) => ({ ...row, id: toPublicId('tenant', row.id), active: row.id === activeTenantId }));
}
