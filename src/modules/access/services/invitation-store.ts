import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { InvitationStatus } from '../contract.js';
import { invitations, roles } from '../schema.js';
import { roleRef } from './role-store.js';
import type { TeamUser } from './team-users.js';

export type InvitationRow = typeof invitations.$inferSelect & {
  role: { id: string; key: string; name: string };
};

const columns = {
  id: invitations.id,
  tenantId: invitations.tenantId,
  email: invitations.email,
  roleId: invitations.roleId,
  tokenHash: invitations.tokenHash,
  status: invitations.status,
  invitedBy: invitations.invitedBy,
  expiresAt: invitations.expiresAt,
  sentAt: invitations.sentAt,
  acceptedAt: invitations.acceptedAt,
  createdAt: invitations.createdAt,
  role: { id: roles.id, key: roles.key, name: roles.name },
};

/** What the list and the API show: a pending invitation past its expiry is `expired`. */
export function invitationStatus(
  row: { status: string; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (row.status === 'pending') return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
  return row.status === 'accepted' ? 'accepted' : 'cancelled';
}

const statusFilter: Record<InvitationStatus, SQL> = {
  pending: sql`${invitations.status} = 'pending' AND ${invitations.expiresAt} > now()`,
  expired: sql`${invitations.status} = 'pending' AND ${invitations.expiresAt} <= now()`,
  accepted: sql`${invitations.status} = 'accepted'`,
  cancelled: sql`${invitations.status} = 'cancelled'`,
};

/** The tenant's invitations, newest first (bounded: the Team page shows recent history only). */
export function listInvitationRows(tx: TenantTx, status?: InvitationStatus): Promise<InvitationRow[]> {
  return tx.db
    .select(columns)
    .from(invitations)
    .innerJoin(roles, eq(roles.id, invitations.roleId))
    .where(and(eq(invitations.tenantId, tx.tenantId), status ? statusFilter[status] : undefined))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(500);
}

/** One invitation of the tenant, locked for the rest of the transaction; 404 otherwise. */
export async function requireInvitation(tx: TenantTx, id: string): Promise<InvitationRow> {
  const [row] = await tx.db
    .select(columns)
    .from(invitations)
    .innerJoin(roles, eq(roles.id, invitations.roleId))
    .where(and(eq(invitations.tenantId, tx.tenantId), eq(invitations.id, id)))
    .for('update', { of: invitations });
  if (!row) throw new ProblemError('not_found', 'No such invitation.');
  return row;
}

/** The pending (possibly expired) invitation to an address, if any. */
export async function findPendingInvitationTo(tx: TenantTx, email: string) {
  const [row] = await tx.db
    .select({ id: invitations.id, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tx.tenantId),
        eq(invitations.status, 'pending'),
        sql`lower(${invitations.email}) = lower(${email})`,
      ),
    );
  return row;
}

export function invitationView(row: InvitationRow, inviter: TeamUser | undefined) {
  return {
    id: toPublicId('invitation', row.id),
    email: row.email,
    role: roleRef(row.role),
    status: invitationStatus(row),
    invitedBy: inviter
      ? { id: toPublicId('user', inviter.id), name: inviter.name, email: inviter.email }
      : null,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
