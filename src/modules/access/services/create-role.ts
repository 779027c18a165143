import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import type { ModuleManifest } from '../../../kernel/module.js';
import { recordAudit } from '../../audit/index.js';
import { roles } from '../schema.js';
import { assertCanGrant, knownPermissions } from './grantable-permissions.js';
import { assertRoleNameFree, freeRoleKey } from './role-changes.js';
import { requireRole } from './role-store.js';
import { lockTeam } from './team-lock.js';

export interface CreateRoleOptions {
  modules: readonly ModuleManifest[];
  name: string;
  description: string;
  permissions: readonly string[];
  /** The caller's own permissions: a role cannot grant more. */
  held: ReadonlySet<string>;
  actor: Actor;
}

/** A custom role from catalogue permissions, audited. */
export async function createRole(tx: TenantTx, options: CreateRoleOptions) {
  const permissions = knownPermissions(options.modules, options.permissions);
  assertCanGrant(permissions, options.held);
  await lockTeam(tx);
  await assertRoleNameFree(tx, options.name);
  const id = uuidv7();
  await tx.db.insert(roles).values({
    id,
    tenantId: tx.tenantId,
    key: await freeRoleKey(tx, options.name),
    name: options.name,
    description: options.description,
    builtIn: false,
    permissions,
  });
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'role.created',
    target: { type: 'role', id: toPublicId('role', id), label: options.name },
    after: { name: options.name, description: options.description, permissions },
  });
  return requireRole(tx, id);
}
