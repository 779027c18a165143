import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { rolePermissions } from './permission-catalogue.js';

export interface Recipient {
  userId: string;
  email: string;
}

interface MemberRow {
  user_id: string;
  email: string;
  key: string;
  built_in: boolean;
  permissions: string[];
}

/**
 * Members of a tenant who should hear about something (notifications): those among `userIds`,
 * those whose role grants `permission`, those with one of `roles` (role keys); with none of them,
 * the Owners and Admins. The filters combine (all must hold).
 */
export async function listRecipients(
  services: AppServices,
  tx: Pick<Tx, 'client'>,
  options: { tenantId: string; userIds?: readonly string[]; permission?: string; roles?: readonly string[] },
): Promise<Recipient[]> {
  const { rows } = await tx.client.query<MemberRow>(
    `SELECT m.user_id, u.email, r.key, r.built_in, r.permissions
       FROM memberships m
       JOIN roles r ON r.id = m.role_id
       JOIN auth_user u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND ($2::uuid[] IS NULL OR m.user_id = ANY($2::uuid[]))
      ORDER BY m.joined_at`,
    [options.tenantId, options.userIds ? [...options.userIds] : null],
  );
  const roles = options.roles ?? (options.userIds || options.permission ? undefined : ['owner', 'admin']);
  return rows
    .filter((row) => !roles || roles.includes(row.key))
    .filter(
      (row) =>
        !options.permission ||
        rolePermissions(services.modules, {
          key: row.key,
          builtIn: row.built_in,
          permissions: row.permissions,
        }).has(options.permission),
    )
    .map((row) => ({ userId: row.user_id, email: row.email }));
}
