import { and, eq } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { invitations, roles } from '../schema.js';
import { newInvitationToken } from './invitation-token.js';
import { OWNER } from './owner-rules.js';
import { sendInvitationMail } from './send-invitation-mail.js';

/**
 * The operator's invitation of a new tenant's first Owner, in the transaction that creates the
 * tenant. The Owner-only rule of ordinary invitations cannot apply (the tenant has no member yet);
 * the operator's own permission (`tenants:manage`) is what authorises it.
 */
export async function inviteFirstOwner(
  services: AppServices,
  tx: TenantTx,
  options: { email: string; actor: Actor },
): Promise<{ id: string }> {
  const email = options.email.trim().toLowerCase();
  const [owner] = await tx.db
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(and(eq(roles.tenantId, tx.tenantId), eq(roles.key, OWNER)));
  if (!owner) throw new Error(`tenant ${tx.tenantId} has no Owner role`);
  const id = uuidv7();
  const { token, hash, expiresAt } = newInvitationToken();
  await tx.db.insert(invitations).values({
    id,
    tenantId: tx.tenantId,
    email,
    roleId: owner.id,
    tokenHash: hash,
    invitedBy: options.actor.type === 'user' ? options.actor.id : null,
    expiresAt,
  });
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'invitation.created',
    target: { type: 'invitation', id: toPublicId('invitation', id), label: email },
    after: { email, role: OWNER, expiresAt: expiresAt.toISOString() },
    metadata: { by: 'operator' },
  });
  await sendInvitationMail(services, tx, {
    email,
    token,
    roleName: owner.name,
    inviterLabel: options.actor.label,
  });
  return { id };
}
