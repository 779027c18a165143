import { eq } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { invitations } from '../schema.js';
import { invitationStatus, requireInvitation } from './invitation-store.js';
import { newInvitationToken } from './invitation-token.js';
import { assertCallerIsOwner, OWNER } from './owner-rules.js';
import { sendInvitationMail } from './send-invitation-mail.js';
import { lockTeam } from './team-lock.js';

/** A new link for a pending (or expired) invitation: the old link stops working, the expiry restarts. */
export async function resendInvitation(
  services: AppServices,
  tx: TenantTx,
  options: { invitationId: string; callerId: string | null; actor: Actor },
) {
  await lockTeam(tx);
  const invitation = await requireInvitation(tx, options.invitationId);
  const status = invitationStatus(invitation);
  if (status === 'accepted' || status === 'cancelled') {
    throw new ProblemError(
      'conflict',
      `This invitation was ${status}; invite ${invitation.email} again instead.`,
    );
  }
  if (invitation.role.key === OWNER) await assertCallerIsOwner(tx, options.callerId);
  const { token, hash, expiresAt } = newInvitationToken();
  await tx.db
    .update(invitations)
    .set({ tokenHash: hash, expiresAt, sentAt: new Date() })
    .where(eq(invitations.id, invitation.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'invitation.resent',
    target: { type: 'invitation', id: toPublicId('invitation', invitation.id), label: invitation.email },
    before: { expiresAt: invitation.expiresAt.toISOString() },
    after: { expiresAt: expiresAt.toISOString() },
  });
  await sendInvitationMail(services, tx, {
    email: invitation.email,
    token,
    roleName: invitation.role.name,
    inviterLabel: options.actor.label,
  });
  return requireInvitation(tx, invitation.id);
}
