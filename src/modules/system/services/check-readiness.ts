import type { z } from 'zod';
import type { AppServices } from '../../../kernel/context.js';
import { migrationStatus } from '../../../kernel/db/migrate.js';
import type { ReadinessSchema } from '../contract.js';

type Readiness = z.infer<typeof ReadinessSchema>;

export async function checkReadiness(services: AppServices): Promise<Readiness> {
  try {
    const migrations = await migrationStatus(services.pool);
    const state = migrations.current ? 'current' : 'pending';
    return {
      status: migrations.current ? 'ready' : 'not_ready',
      checks: { database: 'ok', migrations: state },
    };
  } catch (error) {
    services.log.warn({ err: error }, 'readiness check failed');
    return { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
}
