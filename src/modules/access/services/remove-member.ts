import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { memberships } from '../schema.js';
import { requireMember } from './member-store.js';
import { assertCallerIsOwner, assertNotLastOwner, OWNER } from './owner-rules.js';
import { lockTeam } from './team-lock.js';
import type { TeamUser } from './team-users.js';

/**
 * Removes a member from the tenant, or lets a member leave (their own membership). Removing an
 * Owner takes an Owner; the last Owner can do neither. Their sessions lose the tenant at once:
 * every request re-reads the membership.
 */
export async function removeMember(
  tx: TenantTx,
  options: { memberId: string; user: TeamUser; callerId: string | null; actor: Actor },
): Promise<void> {
  await lockTeam(tx);
  const member = await requireMember(tx, options.memberId);
  const self = member.userId === options.callerId;
  if (member.role.key === OWNER && !self) await assertCallerIsOwner(tx, options.callerId);
  await assertNotLastOwner(tx, member, self ? 'You are' : `${options.user.email} is`);
  await tx.db.delete(memberships).where(eq(memberships.id, member.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'member.removed',
    target: { type: 'member', id: toPublicId('member', member.id), label: options.user.email },
    before: { role: member.role.key },
    ...(self ? { metadata: { left: true } } : {}),
  });
}
