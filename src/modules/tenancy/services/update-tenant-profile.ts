import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { recordAudit } from '../../audit/index.js';
import type { UpdateTenantProfileRequestSchema } from '../contract/tenant-profile.js';
import { tenants } from '../schema.js';
import { loadTenant, presentTenant, type TenantProfile, type TenantRow } from './get-tenant-profile.js';
import { changedFields } from './present.js';

export interface UpdateTenantProfileOptions {
  changes: z.infer<typeof UpdateTenantProfileRequestSchema>;
  actor: Actor;
}

type EditableColumns = Pick<
  TenantRow,
  | 'name'
  | 'type'
  | 'contactName'
  | 'contactEmail'
  | 'contactPhone'
  | 'address'
  | 'taxId'
  | 'logo'
  | 'brandColor'
>;

/** Edits the caller's tenant profile, audited with the changed fields before and after. */
export async function updateTenantProfile(
  tx: TenantTx,
  options: UpdateTenantProfileOptions,
): Promise<TenantProfile> {
  const current = await loadTenant(tx, { forUpdate: true });
  const diff = changedFields(editable(current), columnsFrom(options.changes));
  if (!diff) return presentTenant(current);
  const [row] = await tx.db.update(tenants).set(diff.after).where(eq(tenants.id, tx.tenantId)).returning();
  if (!row) throw new Error('the tenant vanished inside its own transaction');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'tenant.updated',
    target: { type: 'tenant', id: presentTenant(row).id, label: row.name },
    before: forAudit(diff.before),
    after: forAudit(diff.after),
    metadata: { changed: Object.keys(diff.after) },
  });
  return presentTenant(row);
}

function editable(row: TenantRow): EditableColumns {
  const { name, type, contactName, contactEmail, contactPhone, address, taxId, logo, brandColor } = row;
  return { name, type, contactName, contactEmail, contactPhone, address, taxId, logo, brandColor };
}

/** The request in column terms; absent fields stay undefined (unchanged), null clears. */
function columnsFrom(changes: UpdateTenantProfileOptions['changes']): Partial<EditableColumns> {
  return {
    name: changes.name,
    type: changes.type,
    contactName: changes.contact?.name,
    contactEmail: changes.contact?.email,
    contactPhone: changes.contact?.phone,
    address: changes.address,
    taxId: changes.taxId,
    logo: changes.logo,
    brandColor: changes.brandColor?.toLowerCase() ?? changes.brandColor,
  };
}

/** A logo is up to 256 KB: the trail keeps its fingerprint, not the image. */
function forAudit(fields: Partial<EditableColumns>): Record<string, unknown> {
  if (!fields.logo) return fields;
  const [header = '', data = ''] = fields.logo.split(',', 2);
  return {
    ...fields,
    logo: {
      type: header.slice('data:'.length).replace(';base64', ''),
      bytes: Buffer.from(data, 'base64').length,
      sha256: createHash('sha256').update(data, 'base64').digest('hex'),
    },
  };
}
