import type { AppServices } from '../../../kernel/context.js';
import { withTransaction } from '../../../kernel/db/transaction.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { deliverWebhookJob } from '../jobs/deliver-webhook.js';

const BATCH = 100;

interface EventRow {
  id: string;
  tenant_id: string;
  app_id: string | null;
  endpoint_id: string | null;
  type: string;
}

/**
 * Fans undispatched outbox events out to webhook endpoints: for each event, one message per
 * matching enabled endpoint (same app, or any app for a tenant-wide event; subscribed to the type
 * or to everything; created before the event: one added while the event waited for dispatch does
 * not receive the past; a test event only to its endpoint) with its delivery job, and the event marked
 * dispatched, in one transaction per batch. Rows are claimed with SKIP LOCKED, so any number of
 * workers can run this at once. Returns how many events it dispatched.
 */
export async function dispatchEvents(services: AppServices): Promise<number> {
  let total = 0;
  for (;;) {
    const { count, messages } = await withTransaction(services.pool, async (tx) => {
      const claimed = await tx.client.query<{ id: string }>(
        `SELECT id FROM events
          WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      // Every (event, endpoint) pair of the batch in one query, the messages in one insert and
      // their jobs in one more: a constant number of statements per batch, not per event.
      const pairs = claimed.rows.length
        ? await tx.client.query<{ event_id: string; endpoint_id: string; tenant_id: string }>(
            `SELECT ev.id AS event_id, e.id AS endpoint_id, ev.tenant_id
               FROM unnest($1::uuid[]) AS claimed(id)
               JOIN events ev ON ev.id = claimed.id
               JOIN webhook_endpoints e ON e.tenant_id = ev.tenant_id AND e.enabled AND (
                 CASE WHEN ev.endpoint_id IS NOT NULL THEN e.id = ev.endpoint_id
                      ELSE (ev.app_id IS NULL OR e.app_id = ev.app_id)
                           AND (cardinality(e.event_types) = 0 OR ev.type = ANY(e.event_types))
                           AND e.created_at <= ev.created_at END)
              ORDER BY ev.id, e.id`,
            [claimed.rows.map((event) => event.id)],
          )
        : { rows: [] };
      let created = 0;
      if (pairs.rows.length) {
        const inserted = await tx.client.query<{ id: string }>(
          `INSERT INTO webhook_messages (id, tenant_id, endpoint_id, event_id)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[])
           ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
          [
            pairs.rows.map(() => uuidv7()),
            pairs.rows.map((pair) => pair.tenant_id),
            pairs.rows.map((pair) => pair.endpoint_id),
            pairs.rows.map((pair) => pair.event_id),
          ],
        );
        await services.queue.enqueueMany(
          tx,
          deliverWebhookJob,
          inserted.rows.map((row) => ({ messageId: row.id })),
        );
        created = inserted.rows.length;
      }
      if (claimed.rows.length) {
        await tx.client.query(
          `UPDATE events SET dispatched_at = now(), subscribers_pending = type = ANY($2::text[]) WHERE id = ANY($1::uuid[])`,
          [claimed.rows.map((event) => event.id), subscribedTypes(services)],
        );
      }
      return { count: claimed.rows.length, messages: created };
    });
    if (messages) services.queue.wake(deliverWebhookJob);
    total += count;
    if (count < BATCH) return total;
  }
}

function subscribedTypes(services: AppServices): string[] {
  return [...new Set(services.modules.flatMap((module) => module.subscribers.map((s) => s.event)))];
}

/**
 * What a manifest subscriber's `handle` receives. Ids are internal UUIDs (services take those);
 * `id` is the event's public id.
 */
export interface DispatchedEvent {
  id: string;
  type: string;
  tenantId: string;
  appId: string | null;
  occurredAt: string;
  data: unknown;
}

/**
 * Runs the manifests' subscribers of dispatched events, each at least once per event: a handled
 * (event, subscriber) pair is recorded and never run again; a failing one is retried by the next
 * sweep. Returns how many subscriber runs succeeded.
 */
export async function runSubscribers(services: AppServices): Promise<number> {
  const subscribers = services.modules.flatMap((module) => module.subscribers);
  return withTransaction(services.pool, async (tx) => {
    const claimed = await tx.client.query<EventRow & { payload: unknown; created_at: Date }>(
      `SELECT id, tenant_id, app_id, endpoint_id, type, payload, created_at FROM events
        WHERE subscribers_pending ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED`,
    );
    let ran = 0;
    for (const event of claimed.rows) {
      const handled = await tx.client.query<{ subscriber: string }>(
        'SELECT subscriber FROM event_handlings WHERE event_id = $1',
        [event.id],
      );
      const done = new Set(handled.rows.map((row) => row.subscriber));
      const envelope: DispatchedEvent = {
        id: toPublicId('event', event.id),
        type: event.type,
        tenantId: event.tenant_id,
        appId: event.app_id,
        occurredAt: event.created_at.toISOString(),
        data: event.payload,
      };
      let pending = 0;
      for (const subscriber of subscribers.filter((s) => s.event === event.type && !done.has(s.name))) {
        try {
          await subscriber.handle(envelope, services);
          await tx.client.query('INSERT INTO event_handlings (event_id, subscriber) VALUES ($1, $2)', [
            event.id,
            subscriber.name,
          ]);
          ran++;
        } catch (error) {
          pending++;
          services.log.warn(
            { err: error, subscriber: subscriber.name, event: envelope.id },
            'event subscriber failed',
          );
        }
      }
      if (!pending)
        await tx.client.query('UPDATE events SET subscribers_pending = false WHERE id = $1', [event.id]);
    }
    return ran;
  });
}
