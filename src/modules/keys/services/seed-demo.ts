import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { systemActor } from '../../../kernel/http/actor.js';
import type { DemoWorld } from '../../../kernel/module.js';
import { listApps } from '../../tenancy/index.js';
import { createKey } from './create-key.js';
import { notifyExpiringKeys } from './notify-expiring-keys.js';
import { revokeKey } from './revoke-key.js';
import { rotateKey } from './rotate-key.js';

/**
 * Keys for every demo app, through the module's services, so the Keys pages show each state: a
 * server key with its own rate limit, a deploy key rotated with a three-day grace (the old one in
 * `grace`, its replacement active), and a revoked key; the first app's server key expires in five days (and its
 * Owners hear about it). The secrets are thrown away, never printed.
 */
export async function seedKeysDemo(services: AppServices, world: DemoWorld): Promise<void> {
  const actor = systemActor('demo seeder');
  for (const tenant of world.tenants) {
    await withTenant(services.pool, tenant.id, async (tx) => {
      const { data: apps } = await listApps(tx, { limit: 100 });
      for (const [index, app] of apps.entries()) {
        await createKey(tx, {
          appId: app.id,
          label: `${app.name} server`,
          scopes: ['apps:read', 'projects:read'],
          rateLimitPerMinute: app.environment === 'production' ? 300 : 60,
          // The first app's server key expires soon: the "key expiring" notice has something to say.
          ...(index === 0 ? { expiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString() } : {}),
          actor,
        });
        const deploy = await createKey(tx, {
          appId: app.id,
          label: 'CI deploy',
          scopes: ['apps:read', 'keys:read'],
          actor,
        });
        await rotateKey(tx, { keyId: deploy.id, graceDays: 3, held: new Set(deploy.scopes), actor });
        const laptop = await createKey(tx, {
          appId: app.id,
          label: 'Old laptop',
          scopes: ['apps:read'],
          actor,
        });
        await revokeKey(tx, laptop.id, actor);
      }
    });
  }
  await notifyExpiringKeys(services);
}
