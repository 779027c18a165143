import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { findApp } from '../../tenancy/index.js';
import { apiKeys } from '../schema.js';
import { type KeyView, presentKey } from './present.js';

/** One key of the tenant by public id; another tenant's or a malformed id is a 404 like a missing one. */
export async function findKey(
  tx: TenantTx,
  publicId: string,
  options: { lock?: boolean } = {},
): Promise<typeof apiKeys.$inferSelect> {
  const id = fromPublicId('key', publicId);
  const notFound = new ProblemError(
    'not_found',
    `There is no API key ${publicId.slice(0, 40)} in this tenant.`,
  );
  if (!id) throw notFound;
  const query = tx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tx.tenantId), eq(apiKeys.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound;
  return row;
}

/** The tenant's keys, newest first, optionally of one app. */
export async function listKeys(tx: TenantTx, options: { appId?: string }): Promise<{ data: KeyView[] }> {
  const filters: SQL[] = [eq(apiKeys.tenantId, tx.tenantId)];
  if (options.appId) filters.push(eq(apiKeys.appId, (await findApp(tx, options.appId)).row.id));
  const rows = await tx.db
    .select()
    .from(apiKeys)
    .where(and(...filters))
    .orderBy(desc(apiKeys.id));
  return { data: rows.map(presentKey) };
}
