import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { webhookTestEvent } from '../events.js';
import { emitEvent } from './emit-event.js';
import { findEndpoint } from './find-endpoint.js';

/** Emits a `webhook.test` event that only this endpoint receives. */
export async function sendTestEvent(
  tx: TenantTx,
  options: { endpointId: string; eventType?: string | undefined; knownTypes: ReadonlySet<string> },
): Promise<{ eventId: string }> {
  const endpoint = await findEndpoint(tx, options.endpointId);
  if (options.eventType && !options.knownTypes.has(options.eventType)) {
    const message = `Unknown event type "${options.eventType}".`;
    throw new ProblemError('validation_failed', `body.eventType: ${message}`, {
      errors: [{ path: 'body.eventType', message }],
    });
  }
  if (!endpoint.enabled) throw new ProblemError('conflict', 'The endpoint is disabled; enable it first.');
  const { id } = await emitEvent(tx, {
    tenantId: tx.tenantId,
    appId: endpoint.appId,
    endpointId: endpoint.id,
    type: webhookTestEvent.type,
    data: {
      endpointId: toPublicId('endpoint', endpoint.id),
      message: 'A test event from Atrium.',
      eventType: options.eventType ?? null,
    },
  });
  return { eventId: id };
}
