import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { findMembershipOf } from './member-store.js';
import { removeMember } from './remove-member.js';
import type { TeamUser } from './team-users.js';

/** The caller leaves the tenant they work in (any member may, except the last Owner). */
export async function leaveTeam(tx: TenantTx, options: { user: TeamUser; actor: Actor }): Promise<void> {
  const own = await findMembershipOf(tx, options.user.id);
  if (!own) throw new ProblemError('not_found', 'You are not a member of this tenant.');
  await removeMember(tx, {
    memberId: own.id,
    user: options.user,
    callerId: options.user.id,
    actor: options.actor,
  });
}
