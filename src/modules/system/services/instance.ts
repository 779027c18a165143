import { eq, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { systemInstance } from '../schema.js';

const INSTANCE = 1;

export async function readInstance(db: NodePgDatabase) {
  const [row] = await db.select().from(systemInstance).where(eq(systemInstance.id, INSTANCE));
  return row;
}

export async function recordWorkerHeartbeat(db: NodePgDatabase): Promise<void> {
  await db
    .insert(systemInstance)
    .values({ id: INSTANCE, workerHeartbeatAt: sql`now()` })
    .onConflictDoUpdate({ target: systemInstance.id, set: { workerHeartbeatAt: sql`now()` } });
}

/**
 * Marks the demo world as seeded; returns false when it already was (by another process, or on an
 * earlier start). The row itself is created by the migration.
 */
export async function claimDemoSeeding(db: NodePgDatabase): Promise<boolean> {
  const claimed = await db
    .update(systemInstance)
    .set({ demoSeededAt: sql`now()` })
    .where(sql`${systemInstance.id} = ${INSTANCE} AND ${systemInstance.demoSeededAt} IS NULL`)
    .returning({ id: systemInstance.id });
  return claimed.length > 0;
}
