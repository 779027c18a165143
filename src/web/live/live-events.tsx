import { useAccess } from '@web/lib/access';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

/** One message of `GET /partner/stream`: its type and its parsed `data`. */
export interface LiveMessage {
  id: string;
  type: string;
  data: unknown;
}

type Listener = (message: LiveMessage) => void;

interface LiveConnection {
  subscribe: (types: readonly string[], listener: Listener) => () => void;
  /** Whether the stream is open right now (the UI may say "live"). */
  connected: boolean;
}

const LiveContext = createContext<LiveConnection | undefined>(undefined);

/** Event types the server sends (kept in sync with the live module's contract). */
const KNOWN_TYPES = [
  'logs.appended',
  'job.updated',
  'notification.created',
  'notifications.read',
  'webhook.delivery',
] as const;
const MAX_RETRY_MS = 30_000;

/**
 * One EventSource per tab, shared by every component through context. The browser reconnects by
 * itself after a dropped connection (sending Last-Event-ID); when it gives up (the server refused,
 * say after a deploy), this reconnects with growing pauses and `?lastEventId=` so nothing is
 * missed. A new tenant (the switcher) means a new stream.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const access = useAccess();
  const tenantId = access.data?.tenant?.id;
  const listeners = useRef(new Map<string, Set<Listener>>());
  const [connected, setConnected] = useState(false);
  const [connection] = useState<Omit<LiveConnection, 'connected'>>(() => ({
    subscribe: (types, listener) => {
      for (const type of types) {
        const set = listeners.current.get(type) ?? new Set();
        set.add(listener);
        listeners.current.set(type, set);
      }
      return () => {
        for (const type of types) listeners.current.get(type)?.delete(listener);
      };
    },
  }));

  useEffect(() => {
    if (!tenantId || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let lastId: string | undefined;
    let retryMs = 1_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      const url = lastId ? `/partner/stream?lastEventId=${encodeURIComponent(lastId)}` : '/partner/stream';
      const next = new EventSource(url, { withCredentials: true });
      source = next;
      next.onopen = () => {
        retryMs = 1_000;
        setConnected(true);
      };
      next.onerror = () => {
        setConnected(false);
        if (next.readyState !== EventSource.CLOSED || stopped) return;
        timer = setTimeout(open, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      };
      for (const type of KNOWN_TYPES) {
        next.addEventListener(type, (event) => {
          const message = event as MessageEvent<string>;
          if (message.lastEventId) lastId = message.lastEventId;
          let data: unknown = null;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          for (const listener of listeners.current.get(type) ?? [])
            listener({ id: message.lastEventId, type, data });
        });
      }
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      setConnected(false);
    };
  }, [tenantId]);

  return <LiveContext.Provider value={{ ...connection, connected }}>{children}</LiveContext.Provider>;
}

/**
 * Calls `onEvent` for each live event of the given types while the component is mounted. The
 * handler may change between renders without resubscribing.
 */
export function useLiveEvents(types: readonly string[], onEvent: Listener, enabled = true): void {
  const live = useContext(LiveContext);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');
  useEffect(() => {
    if (!live || !enabled || !key) return;
    return live.subscribe(key.split(','), (message) => handler.current(message));
  }, [live, key, enabled]);
}

/** Whether this tab's live stream is open. */
export function useLiveConnected(): boolean {
  return useContext(LiveContext)?.connected ?? false;
}
