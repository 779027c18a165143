import type { TenantTx } from '../../../kernel/db/tenant.js';
import { daysOf, SqlParams } from './sql-filters.js';

/**
 * The Overview page's intelligence figures for a period. Active customers are those with a
 * transaction booked on a day the period touches: the stored first/last transaction days narrow
 * the candidates, then one index probe per candidate confirms a transaction inside the period.
 */
export async function getIntelligenceSummary(tx: TenantTx, range: { from: Date; to: Date }) {
  const params = new SqlParams(tx.tenantId);
  const { fromDay, toDay } = daysOf(range);
  const from = params.add(fromDay);
  const to = params.add(toDay);
  const start = params.add(range.from.toISOString());
  const end = params.add(range.to.toISOString());
  const counting = `c.tenant_id = $1 AND c.archived_at IS NULL AND c.merged_into_id IS NULL`;
  const { rows } = await tx.client.query<{ active: number; at_alert: number; raised: number }>(
    `SELECT
       (SELECT count(*)::int FROM customers c
         WHERE ${counting}
           AND c.last_transaction_on >= ${from}::date AND c.first_transaction_on <= ${to}::date
           AND EXISTS (SELECT 1 FROM transactions t
                        WHERE t.tenant_id = c.tenant_id AND t.customer_id = c.id
                          AND t.booked_on BETWEEN ${from}::date AND ${to}::date)) AS active,
       (SELECT count(*)::int FROM customers c WHERE ${counting} AND c.drift_level = 'alert') AS at_alert,
       (SELECT count(DISTINCT a.customer_id)::int
          FROM customer_analyses a JOIN customers c ON c.tenant_id = a.tenant_id AND c.id = a.customer_id
         WHERE a.tenant_id = $1 AND ${counting}
           -- The first condition is the partial index's predicate, so the planner may use it.
           AND a.drift_level IN ('moderate', 'alert') AND a.drift_level = 'alert'
           AND a.created_at >= ${start}::timestamptz AND a.created_at < ${end}::timestamptz) AS raised`,
    params.values,
  );
  const row = rows[0];
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    activeCustomers: row?.active ?? 0,
    customersAtAlert: row?.at_alert ?? 0,
    alertsRaised: row?.raised ?? 0,
  };
}
