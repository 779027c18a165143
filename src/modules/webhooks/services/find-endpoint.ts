import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId } from '../../../kernel/ids/public-id.js';
import { findApp } from '../../tenancy/index.js';
import { webhookAttempts, webhookEndpoints } from '../schema.js';
import { type EndpointView, presentEndpoint, successRate } from './present.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** One endpoint of the tenant; another tenant's, a missing or a malformed id is the same 404. */
export async function findEndpoint(
  tx: TenantTx,
  publicId: string,
  options: { lock?: boolean } = {},
): Promise<EndpointRow> {
  const id = fromPublicId('endpoint', publicId);
  const notFound = new ProblemError(
    'not_found',
    `There is no webhook endpoint ${publicId.slice(0, 40)} in this tenant.`,
  );
  if (!id) throw notFound;
  const query = tx.db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tx.tenantId), eq(webhookEndpoints.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound;
  return row;
}

/** Success share of each endpoint's attempts in the last 7 days. */
export async function successRates(tx: TenantTx, endpointIds: string[]): Promise<Map<string, number | null>> {
  const rates = new Map<string, number | null>();
  if (!endpointIds.length) return rates;
  const rows = await tx.db
    .select({
      endpointId: webhookAttempts.endpointId,
      successes: sql<number>`count(*) FILTER (WHERE ${webhookAttempts.outcome} = 'success')::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(webhookAttempts)
    .where(
      and(
        eq(webhookAttempts.tenantId, tx.tenantId),
        inArray(webhookAttempts.endpointId, endpointIds),
        sql`${webhookAttempts.createdAt} > now() - interval '7 days'`,
      ),
    )
    .groupBy(webhookAttempts.endpointId);
  for (const row of rows) rates.set(row.endpointId, successRate(row.successes, row.total));
  return rates;
}

export async function viewEndpoint(tx: TenantTx, row: EndpointRow): Promise<EndpointView> {
  const rates = await successRates(tx, [row.id]);
  return presentEndpoint(row, rates.get(row.id) ?? null);
}

/** The tenant's endpoints, newest first, optionally of one app, each with its 7-day success share. */
export async function listEndpoints(
  tx: TenantTx,
  options: { appId?: string },
): Promise<{ data: EndpointView[] }> {
  const filters: SQL[] = [eq(webhookEndpoints.tenantId, tx.tenantId)];
  if (options.appId) filters.push(eq(webhookEndpoints.appId, (await findApp(tx, options.appId)).row.id));
  const rows = await tx.db
    .select()
    .from(webhookEndpoints)
    .where(and(...filters))
    .orderBy(desc(webhookEndpoints.id));
  const rates = await successRates(
    tx,
    rows.map((row) => row.id),
  );
  return { data: rows.map((row) => presentEndpoint(row, rates.get(row.id) ?? null)) };
}
