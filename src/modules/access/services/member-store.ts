import { and, asc, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { memberships, roles } from '../schema.js';
import { roleRef } from './role-store.js';
import type { TeamUser } from './team-users.js';

export interface MemberRow {
  id: string;
  userId: string;
  joinedAt: Date;
  role: { id: string; key: string; name: string; builtIn: boolean };
}

const columns = {
  id: memberships.id,
  userId: memberships.userId,
  joinedAt: memberships.joinedAt,
  role: { id: roles.id, key: roles.key, name: roles.name, builtIn: roles.builtIn },
};

/** The tenant's memberships with their roles, oldest first. */
export function listMemberRows(tx: TenantTx): Promise<MemberRow[]> {
  return tx.db
    .select(columns)
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(eq(memberships.tenantId, tx.tenantId))
    .orderBy(asc(memberships.joinedAt), asc(memberships.id));
}

/** One membership of the tenant; 404 otherwise. */
export async function requireMember(tx: TenantTx, id: string): Promise<MemberRow> {
  const [row] = await tx.db
    .select(columns)
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.tenantId, tx.tenantId), eq(memberships.id, id)));
  if (!row) throw new ProblemError('not_found', 'No such member.');
  return row;
}

/** The caller's own membership in the tenant, if any (operator staff may have none). */
export async function findMembershipOf(tx: TenantTx, userId: string): Promise<MemberRow | undefined> {
  const [row] = await tx.db
    .select(columns)
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.tenantId, tx.tenantId), eq(memberships.userId, userId)));
  return row;
}

export function memberView(row: MemberRow, user: TeamUser, callerId: string | null) {
  return {
    id: toPublicId('member', row.id),
    user: { id: toPublicId('user', user.id), name: user.name, email: user.email },
    role: roleRef(row.role),
    status: 'active' as const,
    joinedAt: row.joinedAt.toISOString(),
    isYou: row.userId === callerId,
  };
}
