import { and, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { memberships, roles } from '../schema.js';

export interface AddMemberOptions {
  userId: string;
  userLabel: string;
  roleKey: string;
  actor: Actor;
}

/** Makes a user a member of the transaction's tenant with a role, audited. */
export async function addMember(tx: TenantTx, options: AddMemberOptions): Promise<{ id: string }> {
  const [role] = await tx.db
    .select({ id: roles.id, name: roles.name })
    .from(roles)
    .where(and(eq(roles.tenantId, tx.tenantId), eq(roles.key, options.roleKey)));
  if (!role) throw new ProblemError('unprocessable', `There is no role "${options.roleKey}" in this tenant.`);
  const id = uuidv7();
  const inserted = await tx.db
    .insert(memberships)
    .values({ id, tenantId: tx.tenantId, userId: options.userId, roleId: role.id })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  if (!inserted.length) throw new ProblemError('conflict', `${options.userLabel} is already a member.`);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'member.added',
    target: { type: 'member', id: toPublicId('member', id), label: options.userLabel },
    after: { role: options.roleKey },
  });
  return { id };
}
