import { and, eq } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import type { DemoWorld } from '../../../kernel/module.js';
import { roles } from '../schema.js';
import { createInvitation } from './create-invitation.js';
import { createRole } from './create-role.js';
import { permissionCatalogue } from './permission-catalogue.js';

/**
 * The demo tenants' teams beyond the core's five members: a custom role in the permission matrix
 * and a pending invitation on the Team page (its mail waits in the development mailbox).
 */
export async function seedDemoTeam(services: AppServices, world: DemoWorld): Promise<void> {
  const everything = new Set<string>(
    permissionCatalogue(services.modules).tenant.map((permission) => permission.name),
  );
  for (const tenant of world.tenants) {
    const actor: Actor = {
      type: 'user',
      id: tenant.owner.userId,
      label: tenant.owner.email,
      ip: null,
      userAgent: null,
      requestId: null,
    };
    const domain = tenant.owner.email.split('@')[1];
    await withTenant(services.pool, tenant.id, async (tx) => {
      await createRole(tx, {
        modules: services.modules,
        name: 'Support lead',
        description: 'Reads everything and looks after the team.',
        permissions: ['team:read', 'team:manage', 'projects:read', 'apps:read', 'settings:read'].filter(
          (name) => everything.has(name),
        ),
        held: everything,
        actor,
      });
      const [developer] = await tx.db
        .select({ id: roles.id })
        .from(roles)
        .where(and(eq(roles.tenantId, tenant.id), eq(roles.key, 'developer')));
      await createInvitation(services, tx, {
        email: `new.hire@${domain}`,
        roleId: developer?.id,
        memberEmails: new Set(),
        callerId: tenant.owner.userId,
        actor,
      });
    });
  }
}
