import type { TenantTx } from '../../../kernel/db/tenant.js';

/**
 * Serialises the changes to one tenant's team for the rest of the transaction. The last-Owner
 * rule is a check across rows (how many Owners remain), which row locks alone cannot protect:
 * two Owners demoting each other at once would each still see the other. Under this lock the
 * second transaction waits, then reads the first one's committed result. Role deletion and
 * invitations take it too, so a role cannot be deleted while someone is being given it.
 */
export async function lockTeam(tx: TenantTx): Promise<void> {
  await tx.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `access:team:${tx.tenantId}`,
  ]);
}
