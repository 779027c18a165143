import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { ModuleManifest } from '../../../kernel/module.js';
import { recordAudit } from '../../audit/index.js';
import { roles } from '../schema.js';
import { assertCanGrant, knownPermissions } from './grantable-permissions.js';
import { assertRoleNameFree } from './role-changes.js';
import { effectivePermissions, type RoleRow, requireRole } from './role-store.js';
import { lockTeam } from './team-lock.js';

export interface UpdateRoleOptions {
  modules: readonly ModuleManifest[];
  roleId: string;
  name?: string;
  description?: string;
  permissions?: readonly string[];
  held: ReadonlySet<string>;
  actor: Actor;
}

/** Renames, redescribes or re-permissions a custom role; audited with what changed. */
export async function updateRole(tx: TenantTx, options: UpdateRoleOptions) {
  await lockTeam(tx);
  const role = await requireRole(tx, options.roleId);
  assertEditable(role);
  const current = effectivePermissions(options.modules, role);
  const permissions = options.permissions && knownPermissions(options.modules, options.permissions);
  if (permissions) {
    // Taking permissions away escalates nothing; only what is added must be the caller's own.
    assertCanGrant(
      permissions.filter((name) => !current.includes(name)),
      options.held,
    );
  }
  if (options.name !== undefined && options.name !== role.name) {
    await assertRoleNameFree(tx, options.name, role.id);
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (field: string, was: unknown, now: unknown) => {
    if (now === undefined || JSON.stringify(was) === JSON.stringify(now)) return;
    before[field] = was;
    after[field] = now;
  };
  note('name', role.name, options.name);
  note('description', role.description, options.description);
  note('permissions', current, permissions);
  if (Object.keys(after).length === 0) return role;
  await tx.db
    .update(roles)
    .set({ name: options.name, description: options.description, permissions })
    .where(eq(roles.id, role.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'role.updated',
    target: { type: 'role', id: toPublicId('role', role.id), label: options.name ?? role.name },
    before,
    after,
  });
  return requireRole(tx, role.id);
}

export function assertEditable(role: RoleRow): void {
  if (role.builtIn) {
    throw new ProblemError(
      'conflict',
      `${role.name} is a built-in role: its permissions come from the modules and it cannot be changed or deleted. Create a custom role instead.`,
    );
  }
}
