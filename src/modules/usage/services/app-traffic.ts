import type { TenantTx } from '../../../kernel/db/tenant.js';
import { totalCounts } from './rollups.js';

export interface AppTraffic {
  calls: number;
  /** Calls answered 4xx or 5xx. */
  errors: number;
}

/** An app's calls and failed calls in [from, to), from the hourly rollups (never the raw log). */
export async function countAppTraffic(
  tx: TenantTx,
  options: { appId: string; from: Date; to: Date },
): Promise<AppTraffic> {
  const counts = await totalCounts(tx, { appId: options.appId, from: options.from, to: options.to });
  return { calls: counts.calls, errors: counts.errors + counts.clientErrors };
}
