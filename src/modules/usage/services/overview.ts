import type { z } from '@hono/zod-openapi';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { listAuditEvents } from '../../audit/index.js';
import { checkReadiness } from '../../system/index.js';
import { type OverviewSchema, UPTIME_ERROR_THRESHOLD, type UsageRange } from '../contract.js';
import { errorRate, successRatePercent, uptimePercent } from './health-math.js';
import { percentileFromBuckets } from './percentile.js';
import { endpointCounts, hourlyCounts, type LatencyHistogram, periodFigures } from './rollups.js';
import { type HourCounts, seriesOf, usageWindow } from './window.js';

type Overview = z.infer<typeof OverviewSchema>;

const ENDPOINT_LIMIT = 50;
const ACTIVITY_LIMIT = 8;
const HOUR = 3_600_000;

const p95 = (latency: LatencyHistogram) =>
  percentileFromBuckets(latency.counts, 0.95, { maxMs: latency.maxMs });

function total(hours: readonly HourCounts[]) {
  return hours.reduce(
    (sum, hour) => ({
      calls: sum.calls + hour.calls,
      errors: sum.errors + hour.errors,
      clientErrors: sum.clientErrors + hour.clientErrors,
    }),
    { calls: 0, errors: 0, clientErrors: 0 },
  );
}

/** The overview of the transaction's tenant for a range ending now: cards, series, endpoints, feed, health. */
export async function getOverview(
  services: AppServices,
  tx: TenantTx,
  options: { range: UsageRange; now: Date; withActivity: boolean },
): Promise<Overview> {
  const window = usageWindow(options.range, options.now);
  // Ranges shown per day read the day rollups: the same figures from 24 times fewer rows.
  const grain = window.granularity;
  const current = { from: window.from, to: window.to, grain };
  const both = { from: window.previousFrom, to: window.to, grain };
  const readiness = await checkReadiness(services);

  const buckets = await hourlyCounts(tx, both);
  const currentBuckets = buckets.filter((bucket) => bucket.bucket >= window.from);
  const now = total(currentBuckets);
  const before = total(buckets.filter((bucket) => bucket.bucket < window.from));
  // One connection runs one query at a time: these run in turn, not with Promise.all.
  const figures = await periodFigures(tx, both, window.from);
  const endpoints = await endpointCounts(tx, current, ENDPOINT_LIMIT);
  const activity = options.withActivity ? (await listAuditEvents(tx, { limit: ACTIVITY_LIMIT })).data : [];

  // Uptime counts the range's elapsed points (hours, or days for the 30- and 90-day views).
  const elapsedBuckets = Math.ceil((options.now.getTime() - window.from.getTime()) / window.step);
  const thisHour = Math.floor(options.now.getTime() / HOUR) * HOUR;
  const [latest] = await hourlyCounts(tx, { from: new Date(thisHour), to: new Date(thisHour + HOUR) });
  const slaTargetPercent = services.config.ATRIUM_SLA_TARGET;
  const successRate = successRatePercent(now.calls, now.errors);

  return {
    range: window.range,
    granularity: window.granularity,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    stats: {
      calls: { value: now.calls, previous: before.calls },
      errors: { value: now.errors, previous: before.errors },
      clientErrors: { value: now.clientErrors, previous: before.clientErrors },
      errorRate: {
        value: errorRate(now.calls, now.errors),
        previous: errorRate(before.calls, before.errors),
      },
      p95LatencyMs: {
        value: p95(figures.current.latency),
        previous: p95(figures.previous.latency),
      },
      activeSeats: {
        value: figures.current.members + figures.current.keys,
        previous: figures.previous.members + figures.previous.keys,
        members: figures.current.members,
        keys: figures.current.keys,
      },
    },
    series: seriesOf(window, currentBuckets),
    endpoints: endpoints.map((endpoint) => ({
      method: endpoint.method,
      route: endpoint.route,
      calls: endpoint.calls,
      errors: endpoint.errors,
      clientErrors: endpoint.clientErrors,
      errorRate: errorRate(endpoint.calls, endpoint.errors),
      p95LatencyMs: p95(endpoint.latency),
    })),
    activity: activity.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      action: event.action,
      actor: event.actor.label,
      target: event.target.label,
    })),
    health: {
      status:
        readiness.checks.database !== 'ok'
          ? 'down'
          : latest && latest.calls > 0 && latest.errors / latest.calls >= UPTIME_ERROR_THRESHOLD
            ? 'degraded'
            : 'operational',
      database: readiness.checks.database === 'ok' ? 'ok' : 'unreachable',
      uptimePercent: uptimePercent(currentBuckets, elapsedBuckets, UPTIME_ERROR_THRESHOLD),
      errorThreshold: UPTIME_ERROR_THRESHOLD,
      successRatePercent: successRate,
      slaTargetPercent,
      slaMet: successRate >= slaTargetPercent,
    },
  };
}
