import type { Tx } from '../../../kernel/db/transaction.js';
import { findEventDefinition } from '../../../kernel/events.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';

/** The dispatcher listens here; a notification sent in a transaction goes out on commit only. */
export const EVENTS_CHANNEL = 'atrium_events';

export interface EmitEventOptions {
  tenantId: string;
  /** The app it concerns: only that app's endpoints receive it. Unset: every endpoint of the tenant. */
  appId?: string | null;
  type: string;
  data: unknown;
  /** Only this endpoint receives it, whatever it subscribes to (test events). */
  endpointId?: string;
}

/**
 * Writes an event to the outbox in the caller's transaction: it exists exactly when the change
 * that caused it commits, and the dispatcher is woken once it has committed. `data` must match the schema the
 * type was defined with (`defineEvent`); an unknown type or a mismatch throws, failing the change.
 */
export async function emitEvent(tx: Tx, options: EmitEventOptions): Promise<{ id: string }> {
  const definition = findEventDefinition(options.type);
  if (!definition) throw new Error(`event type ${options.type} is not defined (defineEvent)`);
  const data = definition.schema.parse(options.data);
  const id = uuidv7();
  await tx.client.query(
    `INSERT INTO events (id, tenant_id, app_id, endpoint_id, type, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [
      id,
      options.tenantId,
      options.appId ?? null,
      options.endpointId ?? null,
      options.type,
      JSON.stringify(data),
    ],
  );
  tx.ringAfterCommit(EVENTS_CHANNEL);
  return { id: toPublicId('event', id) };
}
