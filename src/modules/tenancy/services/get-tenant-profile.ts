import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { TenantProfileSchema } from '../contract/tenant-profile.js';
import { tenants } from '../schema.js';

export type TenantProfile = z.infer<typeof TenantProfileSchema>;
export type TenantRow = typeof tenants.$inferSelect;

/** The transaction's tenant row (locked when about to change). */
export async function loadTenant(tx: TenantTx, options: { forUpdate?: boolean } = {}): Promise<TenantRow> {
  const query = tx.db.select().from(tenants).where(eq(tenants.id, tx.tenantId));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  // The caller's principal named this tenant a moment ago; only a deleted tenant gets here.
  if (!row) throw new Error(`tenant ${tx.tenantId} not found`);
  return row;
}

export async function getTenantProfile(tx: TenantTx): Promise<TenantProfile> {
  return presentTenant(await loadTenant(tx));
}

export function presentTenant(row: TenantRow): TenantProfile {
  return {
    id: toPublicId('tenant', row.id),
    name: row.name,
    type: row.type as TenantProfile['type'],
    tier: row.tier as TenantProfile['tier'],
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    address: row.address,
    taxId: row.taxId,
    logo: row.logo,
    brandColor: row.brandColor,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
