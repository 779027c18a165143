import { desc, ilike } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { devMailbox } from '../schema.js';

/** The newest messages of the development mailbox first, optionally only to matching addresses. */
export function listMailbox(db: NodePgDatabase, options: { limit: number; to?: string }) {
  const to = options.to?.replace(/[\\%_]/g, (char) => `\\${char}`);
  return db
    .select()
    .from(devMailbox)
    .where(to ? ilike(devMailbox.to, `%${to}%`) : undefined)
    .orderBy(desc(devMailbox.receivedAt))
    .limit(options.limit);
}
