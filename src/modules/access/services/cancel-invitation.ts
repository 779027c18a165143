import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { invitations } from '../schema.js';
import { invitationStatus, requireInvitation } from './invitation-store.js';
import { lockTeam } from './team-lock.js';

/** Cancels a pending (or expired) invitation: its link stops working at once. */
export async function cancelInvitation(
  tx: TenantTx,
  options: { invitationId: string; actor: Actor },
): Promise<void> {
  await lockTeam(tx);
  const invitation = await requireInvitation(tx, options.invitationId);
  const status = invitationStatus(invitation);
  if (status === 'accepted' || status === 'cancelled') {
    throw new ProblemError('conflict', `This invitation was already ${status}.`);
  }
  await tx.db.update(invitations).set({ status: 'cancelled' }).where(eq(invitations.id, invitation.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'invitation.cancelled',
    target: { type: 'invitation', id: toPublicId('invitation', invitation.id), label: invitation.email },
    before: { status },
    after: { status: 'cancelled' },
  });
}
