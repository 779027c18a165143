import type { TenantTx } from '../../../kernel/db/tenant.js';
import { findEndpoint } from './find-endpoint.js';
import { successRate } from './present.js';

/** Attempts of the last `days` days by outcome, and by UTC day of week × hour of day. */
export async function endpointStats(tx: TenantTx, options: { endpointId: string; days: number }) {
  const endpoint = await findEndpoint(tx, options.endpointId);
  const { rows } = await tx.client.query<{ dow: number; hour: number; successes: number; failures: number }>(
    `SELECT extract(dow FROM created_at AT TIME ZONE 'UTC')::int AS dow,
            extract(hour FROM created_at AT TIME ZONE 'UTC')::int AS hour,
            count(*) FILTER (WHERE outcome = 'success')::int AS successes,
            count(*) FILTER (WHERE outcome = 'failed')::int AS failures
       FROM webhook_attempts
      WHERE tenant_id = $1 AND endpoint_id = $2 AND created_at > now() - make_interval(days => $3)
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [tx.tenantId, endpoint.id, options.days],
  );
  const successes = rows.reduce((sum, row) => sum + row.successes, 0);
  const failures = rows.reduce((sum, row) => sum + row.failures, 0);
  return {
    days: options.days,
    successes,
    failures,
    successRate: successRate(successes, successes + failures),
    heatmap: rows.map((row) => ({
      dayOfWeek: row.dow,
      hour: row.hour,
      successes: row.successes,
      failures: row.failures,
    })),
  };
}
