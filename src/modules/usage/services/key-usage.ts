import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';
import type { KeyUsageSchema, KeyUsageSummaryListSchema, UsageRange } from '../contract.js';
import { apiKeys } from '../schema.js';
import { errorRate } from './health-math.js';
import { percentileFromBuckets } from './percentile.js';
import { countsPerKey, hourlyCounts, mergedLatency } from './rollups.js';
import { seriesOf, startOfUtcDay, usageWindow } from './window.js';

type KeyUsage = z.infer<typeof KeyUsageSchema>;
type KeyUsageSummaryList = z.infer<typeof KeyUsageSummaryListSchema>;

/** The internal id of one of the tenant's keys; another tenant's, a missing or a malformed id is a 404. */
async function keyOfTenant(tx: TenantTx, publicId: string): Promise<string> {
  const id = fromPublicId('key', publicId);
  const [row] = id
    ? await tx.db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.tenantId, tx.tenantId), eq(apiKeys.id, id)))
    : [];
  if (!row)
    throw new ProblemError('not_found', `There is no API key ${publicId.slice(0, 40)} in this tenant.`);
  return row.id;
}

/** One key's calls in a range ending now, with its series and today's count. */
export async function getKeyUsage(
  tx: TenantTx,
  publicId: string,
  options: { range: UsageRange; now: Date },
): Promise<KeyUsage> {
  const keyId = await keyOfTenant(tx, publicId);
  const window = usageWindow(options.range, options.now);
  const today = startOfUtcDay(options.now);
  const since = new Date(Math.min(today.getTime(), window.from.getTime()));
  const grain = window.granularity;
  const hours = await hourlyCounts(tx, { from: since, to: window.to, keyId, grain });
  const inWindow = hours.filter((hour) => hour.bucket >= window.from);
  const latency = await mergedLatency(tx, { from: window.from, to: window.to, keyId, grain });
  const calls = inWindow.reduce((sum, hour) => sum + hour.calls, 0);
  const errors = inWindow.reduce((sum, hour) => sum + hour.errors, 0);
  return {
    range: window.range,
    granularity: window.granularity,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    keyId: publicId,
    calls,
    errors,
    clientErrors: inWindow.reduce((sum, hour) => sum + hour.clientErrors, 0),
    errorRate: errorRate(calls, errors),
    p95LatencyMs: percentileFromBuckets(latency.counts, 0.95, { maxMs: latency.maxMs }),
    requestsToday: hours.filter((hour) => hour.bucket >= today).reduce((sum, hour) => sum + hour.calls, 0),
    series: seriesOf(window, inWindow),
  };
}

/** Per key with calls: today's calls and 5xx, and the range's calls and error rate, for the keys list. */
export async function summariseKeys(
  tx: TenantTx,
  options: { range: UsageRange; now: Date },
): Promise<KeyUsageSummaryList> {
  const window = usageWindow(options.range, options.now);
  const inRange = await countsPerKey(tx, { from: window.from, to: window.to, grain: window.granularity });
  const today = await countsPerKey(tx, { from: startOfUtcDay(options.now), to: window.to, grain: 'day' });
  const todayByKey = new Map(today.map((row) => [row.keyId, row]));
  const keyIds = [...new Set([...inRange.map((row) => row.keyId), ...todayByKey.keys()])].sort();
  const rangeByKey = new Map(inRange.map((row) => [row.keyId, row]));
  return {
    data: keyIds.map((keyId) => {
      const period = rangeByKey.get(keyId);
      const day = todayByKey.get(keyId);
      return {
        keyId: toPublicId('key', keyId),
        requestsToday: day?.calls ?? 0,
        errorsToday: day?.errors ?? 0,
        errorRate: errorRate(period?.calls ?? 0, period?.errors ?? 0),
        calls: period?.calls ?? 0,
      };
    }),
  };
}
