import type { AppServices } from '../kernel/context.js';
import { claimDemoSeeding } from '../modules/system/index.js';

export type DemoOutcome = 'seeded' | 'already-seeded';

/**
 * Builds the demo world through the modules' own services, once per database: the claim is an
 * atomic update, so two processes starting together do not both seed.
 */
export async function seedDemoWorld(services: AppServices): Promise<DemoOutcome> {
  if (!(await claimDemoSeeding(services.db))) return 'already-seeded';
  const seeders = services.modules
    .flatMap((module) => (module.demo ? [{ id: module.id, ...module.demo }] : []))
    .sort((a, b) => a.order - b.order);
  for (const seeder of seeders) {
    services.log.info({ module: seeder.id }, 'seeding demo data');
    await seeder.seed(services);
  }
  return 'seeded';
}
