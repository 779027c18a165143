import type { AppServices } from '../../../kernel/context.js';
import { endLongLived } from '../../../kernel/http/long-lived.js';
import type { ModuleRuntime } from '../../../kernel/module.js';
import { LIVE_CHANNEL, type LiveEvent, type LiveMessage } from './publish-live.js';
import { readEvent } from './read-events.js';

export interface LiveSubscriber {
  tenantId: string;
  userId: string;
  deliver: (event: LiveEvent) => void;
  /** The notification connection came back: events may have been missed, replay from the table. */
  resync: () => void;
}

/**
 * This process's fan-out: one LISTEN on `atrium_live` (the kernel notifier's connection) for every
 * open stream, each event handed to the streams of its tenant (and, for a user's event, only that
 * user's). No stream holds a database connection.
 */
export class LiveHub {
  private readonly subscribers = new Set<LiveSubscriber>();

  constructor(private readonly services: AppServices) {}

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  receive(payload: string): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload) as LiveMessage;
    } catch {
      this.services.log.warn('unreadable live event ignored');
      return;
    }
    if (typeof message.id !== 'string' || typeof message.tenantId !== 'string') return;
    if (!this.interested(message)) return;
    if (message.data !== undefined) {
      this.dispatch(message as LiveEvent);
      return;
    }
    // Too big for NOTIFY: the row has it.
    readEvent(this.services.pool, message.id)
      .then((event) => event && this.dispatch(event))
      .catch((error) => this.services.log.warn({ err: error }, 'live event could not be read'));
  }

  resyncAll(): void {
    for (const subscriber of this.subscribers) subscriber.resync();
  }

  private interested(message: LiveMessage): boolean {
    for (const subscriber of this.subscribers) if (matches(subscriber, message)) return true;
    return false;
  }

  private dispatch(event: LiveEvent): void {
    for (const subscriber of this.subscribers) {
      if (matches(subscriber, event)) subscriber.deliver(event);
    }
  }
}

function matches(subscriber: LiveSubscriber, event: Pick<LiveEvent, 'tenantId' | 'userId'>): boolean {
  return (
    subscriber.tenantId === event.tenantId && (event.userId == null || event.userId === subscriber.userId)
  );
}

const hubs = new WeakMap<AppServices, LiveHub>();

/** Starts this process's hub, in the roles that serve HTTP. */
export async function startLiveHub(services: AppServices): Promise<ModuleRuntime | undefined> {
  // A worker serves no streams; it only publishes (through the database).
  if (services.role === 'worker') return undefined;
  const hub = new LiveHub(services);
  hubs.set(services, hub);
  const stopListen = await services.notifier.listen(LIVE_CHANNEL, (payload) => hub.receive(payload));
  const stopReset = services.notifier.onReset(() => hub.resyncAll());
  return {
    stop: async () => {
      stopListen();
      stopReset();
      endLongLived(services);
      hubs.delete(services);
    },
  };
}

export function liveHub(services: AppServices): LiveHub | undefined {
  return hubs.get(services);
}
