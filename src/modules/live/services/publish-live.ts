import { notify, type Queryable } from '../../../kernel/db/notifier.js';
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
  const event: LiveEvent = {
    id: uuidv7(),
    tenantId: input.tenantId,
    userId: input.userId ?? null,
    type: input.type,
    data: input.data ?? {},
  };
  const json = JSON.stringify(event.data);
  await tx.client.query(
    'INSERT INTO live_events (id, tenant_id, user_id, type, data) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [event.id, event.tenantId, event.userId, event.type, json],
  );
  const message = JSON.stringify(event);
  const small = Buffer.byteLength(message) < MAX_INLINE_BYTES;
  await notify(tx.client, LIVE_CHANNEL, small ? message : JSON.stringify({ ...event, data: undefined }));
  return event.id;
}
