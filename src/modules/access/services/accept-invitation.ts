import { and, eq, sql } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { invitations } from '../schema.js';
import { addMember } from './add-member.js';
import { assertInvitedEmail, findUsableInvitation, INVALID_INVITATION } from './find-invitation-by-token.js';
import { hashInvitationToken } from './invitation-token.js';
import { roleRef } from './role-store.js';
import { lockTeam } from './team-lock.js';

export interface AcceptInvitationOptions {
  token: string;
  user: { id: string; email: string };
  actor: Actor;
}

/**
 * Makes the user a member with the invited role and marks the invitation accepted, in one audited
 * transaction. The invitation is read again under the team lock: a link cancelled, resent or used
 * a moment ago is refused (404) and nothing changes.
 */
export async function acceptInvitation(services: AppServices, options: AcceptInvitationOptions) {
  const found = await findUsableInvitation(services, options.token);
  assertInvitedEmail(found, options.user.email);
  return withTenant(services.pool, found.tenantId, async (tx) => {
    await lockTeam(tx);
    const [invitation] = await tx.db
      .update(invitations)
      .set({ status: 'accepted', acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tenantId, tx.tenantId),
          eq(invitations.id, found.id),
          eq(invitations.tokenHash, hashInvitationToken(options.token)),
          eq(invitations.status, 'pending'),
          sql`${invitations.expiresAt} > now()`,
        ),
      )
      .returning({ roleId: invitations.roleId, email: invitations.email });
    if (!invitation) throw new ProblemError('not_found', INVALID_INVITATION);
    const role = await tx.client.query<{ id: string; key: string; name: string }>(
      'SELECT id, key, name FROM roles WHERE id = $1',
      [invitation.roleId],
    );
    const invitedRole = role.rows[0];
    if (!invitedRole) throw new ProblemError('not_found', INVALID_INVITATION);
    const member = await addMember(tx, {
      userId: options.user.id,
      userLabel: options.user.email,
      roleKey: invitedRole.key,
      actor: options.actor,
    });
    await recordAudit(tx, tx.tenantId, options.actor, {
      action: 'invitation.accepted',
      target: { type: 'invitation', id: toPublicId('invitation', found.id), label: invitation.email },
      after: { role: invitedRole.key, member: toPublicId('member', member.id) },
    });
    return {
      tenant: { id: toPublicId('tenant', found.tenantId), name: found.tenantName },
      role: roleRef(invitedRole),
      memberId: toPublicId('member', member.id),
      tenantId: found.tenantId,
    };
  });
}
