import type { Queryable } from '../../../kernel/db/notifier.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';

/** The NOTIFY channel every API process listens on for live events. */
export const LIVE_CHANNEL = 'atrium_live';

/**
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; bigger events travel as their id and
 * each process reads the row.
 */
const MAX_INLINE_BYTES = 7_000;

export interface LiveEventInput {
  tenantId: string;
  /** Only this user's streams receive it (a notification); omitted: the whole tenant. */
  userId?: string | null;
  type: string;
  data: unknown;
}

export interface LiveEvent {
  id: string;
  tenantId: string;
  userId: string | null;
  type: string;
  data: unknown;
}

/** What travels over NOTIFY: the event, with `data` left out when it is too big. */
export interface LiveMessage extends Omit<LiveEvent, 'data'> {
  data?: unknown;
}

/**
 * Publishes a live event in the caller's transaction: the row is stored (for clients that resume
 * with Last-Event-ID) and NOTIFYed, so every API process hears it on commit, and a rolled-back
 * change announces nothing. Works in a tenant transaction and in a system one (or on the pool, for
 * a change committed by a single statement).
 */
export async function publishLive(tx: { client: Queryable }, input: LiveEventInput): Promise<string> {
  const [id] = await publishLiveMany(tx, [input]);
  return id as string;
}

/**
 * Publishes several live events as `publishLive` does, in one statement: the rows stored and each
 * one NOTIFYed (a batch of webhook deliveries announces all its attempts with one round trip).
 * Returns their ids, in order.
 */
export async function publishLiveMany(
  tx: { client: Queryable },
  inputs: LiveEventInput[],
): Promise<string[]> {
  if (!inputs.length) return [];
  const events: LiveEvent[] = inputs.map((input) => ({
    id: uuidv7(),
    tenantId: input.tenantId,
    userId: input.userId ?? null,
    type: input.type,
    data: input.data ?? {},
  }));
  const messages = events.map((event) => {
    const message = JSON.stringify(event);
    return Buffer.byteLength(message) < MAX_INLINE_BYTES
      ? message
      : JSON.stringify({ ...event, data: undefined });
  });
  // The insert runs whether or not its CTE is read; the notifications go out on commit, in order.
  await tx.client.query(
    `WITH stored AS (
       INSERT INTO live_events (id, tenant_id, user_id, type, data)
       SELECT id, tenant_id, user_id, type, data::jsonb
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS i(id, tenant_id, user_id, type, data)
     )
     SELECT pg_notify($6, message) FROM unnest($7::text[]) WITH ORDINALITY AS m(message, n) ORDER BY n`,
    [
      events.map((event) => event.id),
      events.map((event) => event.tenantId),
      events.map((event) => event.userId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      LIVE_CHANNEL,
      messages,
    ],
  );
  return events.map((event) => event.id);
}
