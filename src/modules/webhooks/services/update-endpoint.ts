import { eq, sql } from 'drizzle-orm';
import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { findApp } from '../../tenancy/index.js';
import { webhookEndpoints } from '../schema.js';
import { checkEndpointFields, checkEndpointUrl } from './endpoint-input.js';
import { findEndpoint, viewEndpoint } from './find-endpoint.js';
import { auditedEndpoint, type EndpointView } from './present.js';

export interface UpdateEndpointOptions {
  endpointId: string;
  changes: {
    url?: string | undefined;
    description?: string | undefined;
    eventTypes?: string[] | undefined;
    enabled?: boolean | undefined;
    headers?: Record<string, string> | undefined;
    rateLimitPerSecond?: number | null | undefined;
  };
  actor: Actor;
}

/**
 * Changes an endpoint, audited with before and after. Enabling a disabled endpoint clears its
 * failure state, so the five-day clock starts again.
 */
export async function updateEndpoint(
  services: AppServices,
  tx: TenantTx,
  options: UpdateEndpointOptions,
): Promise<EndpointView> {
  const current = await findEndpoint(tx, options.endpointId, { lock: true });
  const { changes } = options;
  checkEndpointFields(services, changes);
  const set: Partial<typeof webhookEndpoints.$inferInsert> = {};
  if (changes.url !== undefined && changes.url !== current.url) {
    const app = await findApp(tx, toPublicId('app', current.appId));
    set.url = await checkEndpointUrl(services, changes.url, app.row.environment);
  }
  if (changes.description !== undefined) set.description = changes.description;
  if (changes.eventTypes !== undefined) set.eventTypes = [...new Set(changes.eventTypes)];
  if (changes.headers !== undefined) set.headers = changes.headers;
  if (changes.rateLimitPerSecond !== undefined) set.rateLimitPerSecond = changes.rateLimitPerSecond;
  if (changes.enabled !== undefined && changes.enabled !== current.enabled) {
    set.enabled = changes.enabled;
    if (changes.enabled) Object.assign(set, { disabledReason: null, disabledAt: null, failingSince: null });
    else set.disabledAt = new Date();
  }
  if (!Object.keys(set).length) return viewEndpoint(tx, current);
  const [row] = await tx.db
    .update(webhookEndpoints)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  if (!row) throw new Error('the endpoint vanished inside its own transaction');
  const before = auditedEndpoint(current);
  const after = auditedEndpoint(row);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.updated',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', row.id), label: row.url },
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
    metadata: { changed },
  });
  return viewEndpoint(tx, row);
}
