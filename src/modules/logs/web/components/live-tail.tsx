import { useQueryClient } from '@tanstack/react-query';
import { useLiveConnected, useLiveEvents } from '@web/live/live-events';
import { Button } from '@web/ui/button';
import { RadioIcon } from 'lucide-react';
import { useEffect, useRef } from 'react';

/** Shortest pause between two refetches of the live tail. */
const LIVE_TAIL_INTERVAL_MS = 1_000;

/**
 * While `on`, each stored batch of requests (`logs.appended`, announced once per batch) refetches
 * the list: at once, then at most once a second however busy the API is.
 */
export function useLiveTail(on: boolean): void {
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefetch = useRef(0);
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvents(
    ['logs.appended'],
    () => {
      if (pending.current) return;
      const refetch = () => {
        pending.current = undefined;
        lastRefetch.current = Date.now();
        void queryClient.invalidateQueries({ queryKey: ['logs', 'list'] });
      };
      const wait = lastRefetch.current + LIVE_TAIL_INTERVAL_MS - Date.now();
      if (wait <= 0) refetch();
      else pending.current = setTimeout(refetch, wait);
    },
    on,
  );
}

/** New requests appear at the top of the list as they are stored, without a reload. */
export function LiveTailToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const connected = useLiveConnected();
  return (
    <Button variant={on ? 'default' : 'outline'} aria-pressed={on} onClick={() => onChange(!on)}>
      <RadioIcon aria-hidden="true" className={on && connected ? 'animate-pulse' : undefined} />
      Live tail
      {on && !connected && <span className="sr-only"> (connecting)</span>}
    </Button>
  );
}
