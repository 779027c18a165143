import type { AppServices } from '../../../kernel/context.js';
import type { Tx } from '../../../kernel/db/transaction.js';
import { systemActor } from '../../../kernel/http/actor.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { endpointDisabledEvent } from '../events.js';
import { emitEvent } from './emit-event.js';
import { noticeDisabledEndpoint } from './notify-endpoint-trouble.js';

export const FAILING_DAYS_BEFORE_DISABLE = 5;

export interface DisabledEndpoint {
  endpointId: string;
  tenantId: string;
  appId: string;
  url: string;
  reason: string;
  failingSince: Date;
}

/**
 * Disables an endpoint that has failed for five days (once: a conditional update), in the
 * delivery's transaction, then runs `onEndpointDisabled` and tells the people who manage webhooks.
 */
export async function disableFailingEndpoint(
  services: AppServices,
  tx: Tx,
  options: { endpointId: string; tenantId: string; failingSince: Date },
): Promise<boolean> {
  const reason = `Every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days.`;
  const { rows } = await tx.client.query<{ app_id: string; url: string }>(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = now(), updated_at = now()
      WHERE id = $1 AND enabled RETURNING app_id, url`,
    [options.endpointId, reason],
  );
  const row = rows[0];
  if (!row) return false;
  await onEndpointDisabled(tx, { ...options, appId: row.app_id, url: row.url, reason });
  await noticeDisabledEndpoint(services, tx, { ...options, url: row.url, reason });
  return true;
}

/**
 * What follows an automatic disable, in the same transaction: the audit entry and the
 * `webhook_endpoint.disabled` event.
 */
export async function onEndpointDisabled(tx: Tx, endpoint: DisabledEndpoint): Promise<void> {
  const endpointId = toPublicId('endpoint', endpoint.endpointId);
  await recordAudit(tx, endpoint.tenantId, systemActor('webhook delivery'), {
    action: 'webhook_endpoint.disabled',
    target: { type: 'webhook_endpoint', id: endpointId, label: endpoint.url },
    before: { enabled: true },
    after: { enabled: false },
    metadata: { reason: endpoint.reason, failingSince: endpoint.failingSince.toISOString() },
  });
  await emitEvent(tx, {
    tenantId: endpoint.tenantId,
    type: endpointDisabledEvent.type,
    data: {
      endpointId,
      appId: toPublicId('app', endpoint.appId),
      url: endpoint.url,
      reason: endpoint.reason,
      failingSince: endpoint.failingSince.toISOString(),
    },
  });
}
