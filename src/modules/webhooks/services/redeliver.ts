import type { AppServices } from '../../../kernel/context.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';
import { recordAudit } from '../../audit/index.js';
import { WEBHOOK_HISTORY_DAYS } from '../contract.js';
import { deliverWebhookJob } from '../jobs/deliver-webhook.js';
import { findEndpoint } from './find-endpoint.js';

interface MessageRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: Date | null;
}

function presentDelivery(row: MessageRow) {
  return {
    id: toPublicId('delivery', row.id),
    endpointId: toPublicId('endpoint', row.endpoint_id),
    eventId: toPublicId('event', row.event_id),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
  };
}

/** Sends one message again now (a new attempt); a delivered one is a 409. */
export async function retryDelivery(
  services: AppServices,
  tx: TenantTx,
  options: { deliveryId: string; actor: Actor },
) {
  const id = fromPublicId('delivery', options.deliveryId);
  const notFound = new ProblemError(
    'not_found',
    `There is no webhook delivery ${options.deliveryId.slice(0, 40)} in this tenant.`,
  );
  if (!id) throw notFound;
  const found = await tx.client.query<MessageRow>(
    `SELECT id, endpoint_id, event_id, status, attempts, next_attempt_at FROM webhook_messages
      WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
    [tx.tenantId, id],
  );
  const message = found.rows[0];
  if (!message) throw notFound;
  if (message.status === 'succeeded') throw new ProblemError('conflict', 'This delivery already succeeded.');
  const updated = await tx.client.query<MessageRow>(
    `UPDATE webhook_messages SET status = 'pending', next_attempt_at = now() WHERE id = $1
     RETURNING id, endpoint_id, event_id, status, attempts, next_attempt_at`,
    [id],
  );
  await services.queue.enqueue(tx, deliverWebhookJob, { messageId: id });
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_delivery.retried',
    target: { type: 'webhook_delivery', id: options.deliveryId },
    metadata: { endpointId: toPublicId('endpoint', message.endpoint_id) },
  });
  return presentDelivery(updated.rows[0] as MessageRow);
}

const REPLAY_LIMIT = 10_000;

/** Sends every failed message of the endpoint created since `since` again. */
export async function replayFailed(
  services: AppServices,
  tx: TenantTx,
  options: { endpointId: string; since: string; actor: Actor; now?: Date },
): Promise<{ count: number }> {
  const endpoint = await findEndpoint(tx, options.endpointId);
  const now = options.now ?? new Date();
  const since = new Date(options.since);
  const oldest = new Date(now.getTime() - WEBHOOK_HISTORY_DAYS * 24 * 3600 * 1000);
  const refuse = (message: string) =>
    new ProblemError('validation_failed', `body.since: ${message}`, {
      errors: [{ path: 'body.since', message }],
    });
  if (since > now) throw refuse('Must not be in the future.');
  if (since < oldest) throw refuse(`At most ${WEBHOOK_HISTORY_DAYS} days ago.`);
  const { rows } = await tx.client.query<{ id: string }>(
    `UPDATE webhook_messages SET status = 'pending', next_attempt_at = now()
      WHERE id IN (SELECT id FROM webhook_messages
                    WHERE tenant_id = $1 AND endpoint_id = $2 AND status = 'failed' AND created_at >= $3
                    ORDER BY id LIMIT $4)
      RETURNING id`,
    [tx.tenantId, endpoint.id, since, REPLAY_LIMIT],
  );
  for (const row of rows) await services.queue.enqueue(tx, deliverWebhookJob, { messageId: row.id });
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'webhook_endpoint.replayed',
    target: { type: 'webhook_endpoint', id: toPublicId('endpoint', endpoint.id), label: endpoint.url },
    metadata: { since: since.toISOString(), count: rows.length },
  });
  return { count: rows.length };
}
