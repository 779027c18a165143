import type { TenantTx } from '../../../kernel/db/tenant.js';
import { listMemberRows, memberView } from './member-store.js';
import { teamUsers } from './team-users.js';

/** Everyone in the tenant with their role and join date. */
export async function listMembers(tx: TenantTx, options: { callerId: string | null }) {
  const rows = await listMemberRows(tx);
  const users = await teamUsers(
    tx,
    rows.map((row) => row.userId),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.userId);
    return user ? [memberView(row, user, options.callerId)] : [];
  });
}
