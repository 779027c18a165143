import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { ModuleManifest } from '../../../kernel/module.js';
import { recordAudit } from '../../audit/index.js';
import { roles } from '../schema.js';
import { effectivePermissions, requireRole } from './role-store.js';
import { lockTeam } from './team-lock.js';
import { assertEditable } from './update-role.js';

/** Deletes a custom role nobody uses (members or pending invitations), audited. */
export async function deleteRole(
  tx: TenantTx,
  options: { modules: readonly ModuleManifest[]; roleId: string; actor: Actor },
): Promise<void> {
  await lockTeam(tx);
  const role = await requireRole(tx, options.roleId);
  assertEditable(role);
  if (role.memberCount > 0 || role.pendingInvitationCount > 0) {
    const uses = [
      role.memberCount > 0 ? plural(role.memberCount, 'member') : '',
      role.pendingInvitationCount > 0 ? plural(role.pendingInvitationCount, 'pending invitation') : '',
    ].filter(Boolean);
    throw new ProblemError(
      'conflict',
      `${role.name} is still used by ${uses.join(' and ')}: give them another role (or cancel the invitations) first.`,
    );
  }
  await tx.db.delete(roles).where(eq(roles.id, role.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'role.deleted',
    target: { type: 'role', id: toPublicId('role', role.id), label: role.name },
    before: {
      name: role.name,
      description: role.description,
      permissions: effectivePermissions(options.modules, role),
    },
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
