import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { webhookEndpoints } from '../schema.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as the API shows it: never its secrets. */
export function presentEndpoint(row: EndpointRow, successRate7d: number | null) {
  return {
    id: toPublicId('endpoint', row.id),
    appId: toPublicId('app', row.appId),
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    headers: row.headers,
    rateLimitPerSecond: row.rateLimitPerSecond,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt:
      row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date()
        ? row.previousSecretExpiresAt.toISOString()
        : null,
    successRate7d,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type EndpointView = ReturnType<typeof presentEndpoint>;

/** What the audit trail keeps of an endpoint: never its secrets. */
export function auditedEndpoint(row: EndpointRow) {
  return {
    appId: toPublicId('app', row.appId),
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    headerNames: Object.keys(row.headers).sort(),
    rateLimitPerSecond: row.rateLimitPerSecond,
  };
}

/** Success share 0–100 with one decimal, or null when nothing was attempted. */
export function successRate(successes: number, total: number): number | null {
  return total === 0 ? null : Math.round((successes / total) * 1000) / 10;
}
