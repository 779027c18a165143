import pg from 'pg';
import type { Logger } from '../logger.js';

type Handler = (payload: string) => void;
export type Queryable = { query: (text: string, values?: unknown[]) => Promise<unknown> };

const CHANNEL = /^[a-z][a-z0-9_]*$/;
const MAX_BACKOFF_MS = 5_000;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole process over one dedicated connection: caches drop
 * entries another process changed, live updates reach browsers connected to any API process.
 * A notification sent inside a transaction is delivered on commit only, so a rolled-back change
 * tells nobody. While the connection is down messages are lost: after a reconnect every `onReset`
 * handler runs, so a cache can drop everything it holds instead of serving stale entries.
 */
export class Notifier {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly resetHandlers = new Set<() => void>();
  private stopped = false;
  private backoffMs = 100;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  /** Calls `handler` with each payload sent on `channel` by any process; returns the unsubscribe. */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    assertChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.client?.query(`LISTEN ${channel}`);
    }
    set.add(handler);
    return () => set?.delete(handler);
  }

  /** Runs after a reconnect: notifications sent while disconnected were missed. */
  onReset(handler: () => void): () => void {
    this.resetHandlers.add(handler);
    return () => this.resetHandlers.delete(handler);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'atrium-listen',
    });
    client.on('notification', (message) => this.dispatch(message.channel, message.payload ?? ''));
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'notification connection lost');
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      // Half set up (the server went away between the connect and a LISTEN): not kept open.
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.backoffMs = 100;
  }

  private reconnectLater(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect()
        .then(() => {
          for (const handler of this.resetHandlers) handler();
        })
        .catch((error) => {
          this.log.warn({ err: error }, 'notification connection: reconnect failed');
          this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
          this.scheduleReconnect();
        });
    }, this.backoffMs);
    this.reconnectTimer.unref();
  }

  private dispatch(channel: string, payload: string): void {
    for (const handler of this.handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.log.error({ err: error, channel }, 'notification handler failed');
      }
    }
  }
}

/**
 * Sends `payload` on `channel`; inside a transaction it goes out on commit. Pass the transaction's
 * client (or the pool for an immediate message).
 */
export async function notify(db: Queryable, channel: string, payload: string): Promise<void> {
  assertChannel(channel);
  await db.query('SELECT pg_notify($1, $2)', [channel, payload]);
}

interface Doorbell {
  ringing: boolean;
  again: boolean;
}

const doorbells = new WeakMap<Queryable, Map<string, Doorbell>>();

/**
 * Sends an empty NOTIFY on `channel` through `pool` in a transaction of its own, coalesced: while
 * one is on its way, further rings make exactly one more after it. Listeners of such a channel
 * read what changed from the database, so one wake-up serves any number of changes, and the
 * notifications cost at most one small commit at a time per process however many changes ring.
 * A failure is dropped: the listener's periodic sweep catches up.
 */
export function ringDoorbell(pool: Queryable, channel: string): void {
  assertChannel(channel);
  let bells = doorbells.get(pool);
  if (!bells) {
    bells = new Map();
    doorbells.set(pool, bells);
  }
  let bell = bells.get(channel);
  if (!bell) {
    bell = { ringing: false, again: false };
    bells.set(channel, bell);
  }
  if (bell.ringing) {
    bell.again = true;
    return;
  }
  bell.ringing = true;
  const rung = bell;
  pool
    .query('SELECT pg_notify($1, $2)', [channel, ''])
    .catch(() => undefined)
    .finally(() => {
      rung.ringing = false;
      if (rung.again) {
        rung.again = false;
        ringDoorbell(pool, channel);
      }
    });
}

function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`notification channel "${channel}" must be snake_case`);
}
