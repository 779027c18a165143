import { useLiveConnected } from '@web/live/live-events';
import { useLiveInvalidate } from '@web/live/live-invalidate';
import { Button } from '@web/ui/button';
import { RadioIcon } from 'lucide-react';

const LOG_TYPES = ['logs.appended'] as const;
const LOG_LISTS = ['logs', 'list'] as const;

/** While `on`, each stored batch of requests (`logs.appended`, once per batch) refetches the list. */
export function useLiveTail(on: boolean): void {
  useLiveInvalidate(LOG_TYPES, LOG_LISTS, on);
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
