import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppServices } from '../../../kernel/context.js';
import type { SystemInfoSchema } from '../contract.js';
import { readInstance } from './instance.js';

export async function getSystemInfo(services: AppServices): Promise<z.infer<typeof SystemInfoSchema>> {
  const [versionResult, instance] = await Promise.all([
    services.db.execute<{ version: string }>(sql`SELECT version() AS version`),
    readInstance(services.db),
  ]);
  return {
    version: services.version,
    environment: services.config.NODE_ENV,
    role: services.role,
    nodeVersion: process.version,
    startedAt: services.startedAt.toISOString(),
    installedAt: instance?.installedAt.toISOString() ?? null,
    database: { version: versionResult.rows[0]?.version ?? 'unknown', embedded: services.database.embedded },
    worker: { lastHeartbeatAt: instance?.workerHeartbeatAt?.toISOString() ?? null },
    modules: services.modules.map(({ id, title, description }) => ({ id, title, description })),
  };
}
