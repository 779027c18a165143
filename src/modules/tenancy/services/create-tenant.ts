import type { AppServices } from '../../../kernel/context.js';
import { type TenantTx, withTenant } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { addMember, createBuiltInRoles } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import type { TENANT_TIERS, TENANT_TYPES } from '../contract.js';
import { tenants } from '../schema.js';

export interface CreateTenantOptions {
  name: string;
  type: (typeof TENANT_TYPES)[number];
  tier?: (typeof TENANT_TIERS)[number];
  contactEmail?: string;
  /** The first Owner; absent when an operator creates the tenant and invites its owner later. */
  owner?: { userId: string; label: string };
  actor: Actor;
  /** More set-up in the same transaction (the operator's invitation of the first owner). */
  withinTransaction?: (tx: TenantTx) => Promise<void>;
}

/** A tenant with its built-in roles and, when given, its first Owner, in one transaction. */
export async function createTenant(
  services: AppServices,
  options: CreateTenantOptions,
): Promise<{ id: string }> {
  const id = uuidv7();
  await withTenant(services.pool, id, async (tx) => {
    await tx.db.insert(tenants).values({
      id,
      name: options.name,
      type: options.type,
      tier: options.tier ?? 'free',
      contactEmail: options.contactEmail ?? options.owner?.label ?? null,
    });
    await createBuiltInRoles(tx);
    await recordAudit(tx, id, options.actor, {
      action: 'tenant.created',
      target: { type: 'tenant', id: toPublicId('tenant', id), label: options.name },
      after: { name: options.name, type: options.type },
    });
    if (options.owner) {
      await addMember(tx, {
        userId: options.owner.userId,
        userLabel: options.owner.label,
        roleKey: 'owner',
        actor: options.actor,
      });
    }
    await options.withinTransaction?.(tx);
  });
  return { id };
}
