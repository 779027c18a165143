import { and, eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { ModuleManifest } from '../../../kernel/module.js';
import { BUILT_IN_ROLES } from '../contract.js';
import { roles } from '../schema.js';
import { permissionCatalogue, rolePermissions } from './permission-catalogue.js';

export type RoleRow = typeof roles.$inferSelect;

export interface RoleWithCounts extends RoleRow {
  memberCount: number;
  pendingInvitationCount: number;
}

// Qualified by hand: Drizzle leaves columns of a single-table select unqualified, and inside the
// subquery an unqualified `id` would be the subquery's own.
const withCounts = {
  memberCount: sql<number>`(SELECT count(*)::int FROM memberships m WHERE m.role_id = "roles"."id")`,
  pendingInvitationCount: sql<number>`(SELECT count(*)::int FROM invitations i WHERE i.role_id = "roles"."id" AND i.status = 'pending')`,
};

/** One role of the transaction's tenant, with how many members and pending invitations use it. */
export async function findRole(tx: TenantTx, id: string): Promise<RoleWithCounts | undefined> {
  const [row] = await tx.db
    .select({ ...tableColumns(), ...withCounts })
    .from(roles)
    .where(and(eq(roles.tenantId, tx.tenantId), eq(roles.id, id)));
  return row;
}

/** Like findRole, for a role that must exist (the path names it): otherwise 404. */
export async function requireRole(tx: TenantTx, id: string): Promise<RoleWithCounts> {
  const role = await findRole(tx, id);
  if (!role) throw new ProblemError('not_found', 'No such role.');
  return role;
}

/** A role named in a request body: unknown (or another tenant's) is a field error, not a 404. */
export async function requireBodyRole(tx: TenantTx, id: string | undefined): Promise<RoleWithCounts> {
  const role = id ? await findRole(tx, id) : undefined;
  if (!role) {
    throw new ProblemError('validation_failed', 'body.roleId: there is no such role in this tenant.', {
      errors: [{ path: 'body.roleId', message: 'There is no such role in this tenant.' }],
    });
  }
  return role;
}

/** Built-in roles first, most powerful first, then custom roles by name. */
export async function listRoleRows(tx: TenantTx): Promise<RoleWithCounts[]> {
  const rows = await tx.db
    .select({ ...tableColumns(), ...withCounts })
    .from(roles)
    .where(eq(roles.tenantId, tx.tenantId));
  const rank = (row: RoleRow) => {
    const index = BUILT_IN_ROLES.findIndex((role) => role.key === row.key);
    return row.builtIn && index >= 0 ? index : BUILT_IN_ROLES.length;
  };
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** A role's effective permissions in catalogue order (so the matrix and diffs read the same). */
export function effectivePermissions(modules: readonly ModuleManifest[], role: RoleRow): string[] {
  const granted = rolePermissions(modules, role);
  return permissionCatalogue(modules)
    .tenant.map((permission) => permission.name)
    .filter((name) => granted.has(name));
}

export function roleView(modules: readonly ModuleManifest[], role: RoleWithCounts) {
  return {
    id: toPublicId('role', role.id),
    key: role.key,
    name: role.name,
    description: role.description,
    builtIn: role.builtIn,
    permissions: effectivePermissions(modules, role),
    memberCount: role.memberCount,
    pendingInvitationCount: role.pendingInvitationCount,
    createdAt: role.createdAt.toISOString(),
    updatedAt: role.updatedAt.toISOString(),
  };
}

export function roleRef(role: Pick<RoleRow, 'id' | 'key' | 'name'>) {
  return { id: toPublicId('role', role.id), key: role.key, name: role.name };
}

function tableColumns() {
  return {
    id: roles.id,
    tenantId: roles.tenantId,
    key: roles.key,
    name: roles.name,
    description: roles.description,
    builtIn: roles.builtIn,
    permissions: roles.permissions,
    createdAt: roles.createdAt,
    updatedAt: roles.updatedAt,
  };
}
