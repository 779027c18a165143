import type { TenantTx } from '../../../kernel/db/tenant.js';

export interface TeamUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Names and emails of the given users, by id. Read here until the identity module's `findUsers`
 * reaches main; then this delegates to it.
 */
export async function teamUsers(tx: TenantTx, ids: readonly string[]): Promise<Map<string, TeamUser>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await tx.client.query<TeamUser>(
    'SELECT id, name, email FROM auth_user WHERE id = ANY($1::uuid[])',
    [unique],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
