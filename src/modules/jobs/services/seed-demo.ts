import type { AppServices } from '../../../kernel/context.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { DemoWorld } from '../../../kernel/module.js';
import { trackJobRun } from './job-runs.js';

/**
 * Two finished exports per demo tenant, started by its Owner, so the Jobs page and the Overview's
 * tracker show both outcomes (and the failed one's notification reaches the Owner's bell).
 */
export async function seedJobsDemo(services: AppServices, world: DemoWorld): Promise<void> {
  for (const tenant of world.tenants) {
    const run = (format: string) => ({
      tenantId: tenant.id,
      kind: 'logs.export',
      title: `Request log export (${format})`,
      createdBy: tenant.owner.userId,
    });
    await trackJobRun(services, run('CSV'), async (progress) => {
      await progress(50);
    });
    await trackJobRun(services, run('PDF'), async (progress) => {
      await progress(35);
      throw new ProblemError('unprocessable', 'The download was cancelled before it finished.');
    }).catch(() => undefined);
  }
}
