import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { memberships } from '../schema.js';
import { memberView, requireMember } from './member-store.js';
import { assertCallerIsOwner, assertNotLastOwner, OWNER } from './owner-rules.js';
import { requireBodyRole } from './role-store.js';
import { lockTeam } from './team-lock.js';
import type { TeamUser } from './team-users.js';

export interface ChangeMemberRoleOptions {
  memberId: string;
  /** The member's user, read beforehand (memberUser). */
  user: TeamUser;
  /** Undefined when the body's id is malformed: the same field error as an unknown role. */
  roleId: string | undefined;
  callerId: string | null;
  actor: Actor;
}

/**
 * Gives a member another role. Owner changes need an Owner, the last Owner keeps the role, and a
 * member who is not an Owner cannot re-role themselves (nor, so, raise their own access).
 */
export async function changeMemberRole(tx: TenantTx, options: ChangeMemberRoleOptions) {
  await lockTeam(tx);
  const member = await requireMember(tx, options.memberId);
  const role = await requireBodyRole(tx, options.roleId);
  const { user } = options;
  if (role.id === member.role.id) return memberView(member, user, options.callerId);
  if (member.role.key === OWNER || role.key === OWNER) await assertCallerIsOwner(tx, options.callerId);
  const self = member.userId === options.callerId;
  if (self && member.role.key !== OWNER) {
    throw new ProblemError(
      'forbidden',
      'You cannot change your own role: ask an Owner or another member who manages the team.',
    );
  }
  await assertNotLastOwner(tx, member, self ? 'You are' : `${user.email} is`);
  await tx.db.update(memberships).set({ roleId: role.id }).where(eq(memberships.id, member.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'member.role_changed',
    target: { type: 'member', id: toPublicId('member', member.id), label: user.email },
    before: { role: member.role.key },
    after: { role: role.key },
  });
  return memberView({ ...member, role }, user, options.callerId);
}
