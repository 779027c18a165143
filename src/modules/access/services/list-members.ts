import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { listMemberRows, memberView } from './member-store.js';
import { teamUsers } from './team-users.js';

/** Everyone in the tenant with their role and join date (names and emails from identity). */
export async function listMembers(
  services: AppServices,
  options: { tenantId: string; callerId: string | null },
) {
  const rows = await withTenant(services.pool, options.tenantId, (tx) => listMemberRows(tx));
  const users = await teamUsers(
    services,
    rows.map((row) => row.userId),
  );
  return rows.flatMap((row) => {
    const user = users.get(row.userId);
    return user ? [memberView(row, user, options.callerId)] : [];
  });
}
