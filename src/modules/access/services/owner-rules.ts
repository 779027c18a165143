import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { MemberRow } from './member-store.js';
import { findMembershipOf } from './member-store.js';

export const OWNER = 'owner';

/** Only an Owner may make someone an Owner or take the role away (the caller must be one). */
export async function assertCallerIsOwner(tx: TenantTx, callerId: string | null): Promise<void> {
  const caller = callerId ? await findMembershipOf(tx, callerId) : undefined;
  if (caller?.role.key !== OWNER) {
    throw new ProblemError('forbidden', 'Only an Owner can grant or remove the Owner role.');
  }
}

/**
 * A tenant always keeps an Owner. Callers hold the team lock (team-lock.ts), so the count cannot
 * change between this check and their write.
 */
/** `label` reads as a subject with its verb: "You are", "ada@example.com is". */
export async function assertNotLastOwner(tx: TenantTx, member: MemberRow, label: string): Promise<void> {
  if (member.role.key !== OWNER || !member.role.builtIn) return;
  const { rows } = await tx.client.query<{ others: number }>(
    `SELECT count(*)::int AS others FROM memberships m JOIN roles r ON r.id = m.role_id
      WHERE m.tenant_id = $1 AND r.key = $2 AND r.built_in AND m.id <> $3`,
    [tx.tenantId, OWNER, member.id],
  );
  if ((rows[0]?.others ?? 0) === 0) {
    throw new ProblemError(
      'conflict',
      `${label} the last Owner: make another member an Owner first, so the tenant keeps one.`,
    );
  }
}
