import { desc } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { devMailbox } from '../schema.js';

/** The newest messages of the development mailbox first. */
export function listMailbox(db: NodePgDatabase, options: { limit: number }) {
  return db.select().from(devMailbox).orderBy(desc(devMailbox.receivedAt)).limit(options.limit);
}
