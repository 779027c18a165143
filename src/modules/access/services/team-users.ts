import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { findUsers } from '../../identity/index.js';
import { listMemberRows, requireMember } from './member-store.js';

export interface TeamUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Names and emails of users, by id, from the identity module. Call it outside any transaction:
 * `findUsers` takes its own connection, and transactions waiting for a second connection while
 * holding one can starve the pool under load.
 */
export async function teamUsers(
  services: AppServices,
  ids: readonly string[],
): Promise<Map<string, TeamUser>> {
  const users = await findUsers(services, ids);
  return new Map(users.map((user) => [user.id, { id: user.id, name: user.name, email: user.email }]));
}

/**
 * The user behind a membership, read before the transaction that changes it (a membership's user
 * never changes, so the answer stays true); 404 for another tenant's or an unknown membership.
 */
export async function memberUser(
  services: AppServices,
  tenantId: string,
  memberId: string,
): Promise<TeamUser> {
  const member = await withTenant(services.pool, tenantId, (tx) => requireMember(tx, memberId));
  const user = (await teamUsers(services, [member.userId])).get(member.userId);
  if (!user) throw new ProblemError('not_found', 'No such member.');
  return user;
}

/** The addresses of the tenant's members, lower-cased, to refuse inviting one of them. */
export async function memberEmails(services: AppServices, tenantId: string): Promise<Set<string>> {
  const rows = await withTenant(services.pool, tenantId, (tx) => listMemberRows(tx));
  const users = await teamUsers(
    services,
    rows.map((row) => row.userId),
  );
  return new Set([...users.values()].map((user) => user.email.toLowerCase()));
}
