import type { SSEStreamingApi } from 'hono/streaming';
import type { AppServices } from '../../../kernel/context.js';
import { holdOpen } from '../../../kernel/http/long-lived.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { liveHub } from './hub.js';
import type { LiveEvent } from './publish-live.js';
import { readEventsAfter } from './read-events.js';

/** A comment line every so often keeps proxies and the browser from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** Writes waiting for a slow client beyond which it is dropped (it reconnects and replays). */
const MAX_BACKLOG = 1_000;
/** Ids already sent, remembered to drop the duplicates a replay and the live feed can both bring. */
const REMEMBERED_IDS = 2_000;

/**
 * Feeds one SSE connection until the client leaves or the process stops: the events the client
 * missed (after `afterId`), then live ones as the hub hears them, in the order they arrive. All
 * writes go through one chain, so a replay and live events never interleave mid-message.
 */
export async function runStream(
  services: AppServices,
  stream: SSEStreamingApi,
  who: { tenantId: string; userId: string; afterId: string | undefined },
): Promise<void> {
  const hub = liveHub(services);
  if (!hub) return;
  // Where a replay starts: the client's last event, else "now" (a resync after a lost
  // notification connection then replays only what this connection could have missed).
  let lastId = who.afterId ?? timeBoundary(Date.now() - 1_000);
  const sent = new Set<string>();
  let backlog = 0;
  let chain: Promise<unknown> = Promise.resolve();
  let end: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });

  const enqueue = (work: () => Promise<unknown>) => {
    if (++backlog > MAX_BACKLOG) end();
    chain = chain
      .then(work)
      .catch((error) => services.log.warn({ err: error }, 'live stream write failed'))
      .finally(() => {
        backlog--;
      });
  };
  const send = async (event: LiveEvent) => {
    if (sent.has(event.id)) return;
    sent.add(event.id);
    if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value as string);
    if (event.id > lastId) lastId = event.id;
    await stream.writeSSE({
      id: toPublicId('liveEvent', event.id),
      event: event.type,
      data: JSON.stringify(event.data),
    });
  };
  const replay = async () => {
    const events = await readEventsAfter(services.pool, { ...who, afterId: lastId });
    for (const event of events) await send(event);
  };

  const unsubscribe = hub.subscribe({
    tenantId: who.tenantId,
    userId: who.userId,
    deliver: (event) => enqueue(() => send(event)),
    resync: () => enqueue(replay),
  });
  const release = holdOpen(services, end);
  stream.onAbort(end);
  const heartbeat = setInterval(() => enqueue(() => stream.write(': heartbeat\n\n')), HEARTBEAT_MS);
  heartbeat.unref();
  // Tells the browser how soon to reconnect, and lets the client know the stream is open.
  enqueue(() => stream.write('retry: 3000\n: connected\n\n'));
  if (who.afterId) enqueue(replay);
  try {
    await ended;
  } finally {
    clearInterval(heartbeat);
    unsubscribe();
    release();
  }
}

/** The smallest UUIDv7 of a millisecond: every id made from then on compares greater. */
export function timeBoundary(ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7000-8000-000000000000`;
}
