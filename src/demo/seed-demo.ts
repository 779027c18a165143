import type { AppServices } from '../kernel/context.js';
import { claimDemoSeeding } from '../modules/system/index.js';
import { type DemoSignIn, seedCoreWorld } from './core-world.js';

export type DemoOutcome = { outcome: 'seeded'; signIn: DemoSignIn } | { outcome: 'already-seeded' };

/**
 * Builds the demo world through the modules' own services, once per database: the claim is an
 * atomic update, so two processes starting together do not both seed. The core (operator staff,
 * the four tenants and their teams) comes first; each module's seeder then adds its data to it.
 */
export async function seedDemoWorld(services: AppServices): Promise<DemoOutcome> {
  if (!(await claimDemoSeeding(services.db))) return { outcome: 'already-seeded' };
  const { world, signIn } = await seedCoreWorld(services);
  const seeders = services.modules
    .flatMap((module) => (module.demo ? [{ id: module.id, ...module.demo }] : []))
    .sort((a, b) => a.order - b.order);
  for (const seeder of seeders) {
    services.log.info({ module: seeder.id }, 'seeding demo data');
    await seeder.seed(services, world);
  }
  return { outcome: 'seeded', signIn };
}

/** What `npm start` prints after seeding: who to sign in as. */
export function describeDemoSignIn(signIn: DemoSignIn, url: string): string {
  const owners = signIn.owners.map((owner) => `    ${owner.email.padEnd(34)} Owner of ${owner.tenant}`);
  return [
    '',
    `Demo world ready. Sign in at ${url}/sign-in with password "${signIn.password}" as:`,
    `    ${signIn.operator.padEnd(34)} operator admin (operator console, mailbox)`,
    `    ${signIn.support.padEnd(34)} operator support`,
    ...owners,
    '    (admin@, developer@, analyst@ and viewer@ each tenant’s domain hold the other roles)',
    '',
  ].join('\n');
}
