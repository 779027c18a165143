import type { AppServices } from '../kernel/context.js';
import { withTenant } from '../kernel/db/tenant.js';
import { systemActor } from '../kernel/http/actor.js';
import type { DemoTenant, DemoWorld } from '../kernel/module.js';
import { addMember, grantOperatorRole } from '../modules/access/index.js';
import { createVerifiedUser } from '../modules/identity/index.js';
import { createTenant } from '../modules/tenancy/index.js';

/** Every demo account signs in with this password (printed on first start, in the README too). */
export const DEMO_PASSWORD = 'atrium-demo-2026';

const TENANTS = [
  { slug: 'harbor-bank', name: 'Harbor Bank', type: 'bank', tier: 'enterprise', family: 'intelligence' },
  { slug: 'lumen-studios', name: 'Lumen Studios', type: 'media', tier: 'growth', family: 'workloads' },
  {
    slug: 'bright-futures',
    name: 'Bright Futures Foundation',
    type: 'foundation',
    tier: 'free',
    family: 'sponsorship',
  },
  { slug: 'northwind', name: 'Northwind Retail', type: 'retailer', tier: 'growth', family: 'integration' },
] as const;

const MEMBER_ROLES = ['admin', 'developer', 'analyst', 'viewer'] as const;
const PEOPLE: Record<string, string> = {
  owner: 'Olivia Owner',
  admin: 'Adam Admin',
  developer: 'Dana Developer',
  analyst: 'Anil Analyst',
  viewer: 'Vera Viewer',
};

export interface DemoSignIn {
  password: string;
  operator: string;
  support: string;
  owners: { tenant: string; email: string }[];
}

/**
 * The demo world's core, through the modules' services: operator staff, and the four tenants of
 * SPEC §7, each with an Owner and one member of every other built-in role.
 */
export async function seedCoreWorld(
  services: AppServices,
): Promise<{ world: DemoWorld; signIn: DemoSignIn }> {
  const actor = systemActor('demo seeder');
  const user = (email: string, name: string) =>
    createVerifiedUser(services, { email, name, password: DEMO_PASSWORD });

  const operator = await user('operator@atrium.example', 'Oscar Operator');
  await grantOperatorRole(services, {
    userId: operator.id,
    userLabel: 'operator@atrium.example',
    role: 'operator_admin',
    actor,
  });
  const support = await user('support@atrium.example', 'Sam Support');
  await grantOperatorRole(services, {
    userId: support.id,
    userLabel: 'support@atrium.example',
    role: 'operator_support',
    actor,
  });

  const tenants: DemoTenant[] = [];
  for (const spec of TENANTS) {
    const email = (role: string) => `${role}@${spec.slug}.example`;
    const owner = await user(email('owner'), `${PEOPLE.owner} (${spec.name})`);
    const { id } = await createTenant(services, {
      name: spec.name,
      type: spec.type,
      tier: spec.tier,
      owner: { userId: owner.id, label: email('owner') },
      actor,
    });
    for (const role of MEMBER_ROLES) {
      const member = await user(email(role), `${PEOPLE[role]} (${spec.name})`);
      await withTenant(services.pool, id, (tx) =>
        addMember(tx, { userId: member.id, userLabel: email(role), roleKey: role, actor }),
      );
    }
    tenants.push({
      id,
      name: spec.name,
      family: spec.family,
      owner: { userId: owner.id, email: email('owner') },
    });
  }
  return {
    world: { tenants },
    signIn: {
      password: DEMO_PASSWORD,
      operator: 'operator@atrium.example',
      support: 'support@atrium.example',
      owners: tenants.map((tenant) => ({ tenant: tenant.name, email: tenant.owner.email })),
    },
  };
}
