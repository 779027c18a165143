import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { invitations } from '../schema.js';
import { findPendingInvitationTo, requireInvitation } from './invitation-store.js';
import { newInvitationToken } from './invitation-token.js';
import { assertCallerIsOwner, OWNER } from './owner-rules.js';
import { requireBodyRole } from './role-store.js';
import { sendInvitationMail } from './send-invitation-mail.js';
import { lockTeam } from './team-lock.js';

export interface CreateInvitationOptions {
  email: string;
  roleId: string | undefined;
  /** The members' addresses, lower-cased (memberEmails), read before the transaction. */
  memberEmails: ReadonlySet<string>;
  callerId: string | null;
  actor: Actor;
}

/** Invites an address with a role and mails the link, in one audited transaction. */
export async function createInvitation(
  services: AppServices,
  tx: TenantTx,
  options: CreateInvitationOptions,
) {
  const email = options.email.trim().toLowerCase();
  await lockTeam(tx);
  const role = await requireBodyRole(tx, options.roleId);
  if (role.key === OWNER) await assertCallerIsOwner(tx, options.callerId);
  if (options.memberEmails.has(email)) {
    throw new ProblemError('conflict', `${email} is already a member of this tenant.`);
  }
  const pending = await findPendingInvitationTo(tx, email);
  if (pending) {
    throw new ProblemError(
      'conflict',
      `${email} already has a ${pending.expiresAt > new Date() ? 'pending' : 'expired'} invitation: resend it instead.`,
    );
  }
  const id = uuidv7();
  const { token, hash, expiresAt } = newInvitationToken();
  await tx.db.insert(invitations).values({
    id,
    tenantId: tx.tenantId,
    email,
    roleId: role.id,
    tokenHash: hash,
    invitedBy: options.callerId,
    expiresAt,
  });
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'invitation.created',
    target: { type: 'invitation', id: toPublicId('invitation', id), label: email },
    after: { email, role: role.key, expiresAt: expiresAt.toISOString() },
  });
  await sendInvitationMail(services, tx, {
    email,
    token,
    roleName: role.name,
    inviterLabel: options.actor.label,
  });
  return requireInvitation(tx, id);
}
