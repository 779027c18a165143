import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveEvents } from './live-events';

/** Shortest pause between two refetches caused by live events. */
const MIN_INTERVAL_MS = 1_000;

/**
 * While `enabled`, live events of these types mark the queries under `queryKey` stale, so what is
 * on screen refetches: at once, then at most once a second however busy the tenant is.
 */
export function useLiveInvalidate(types: readonly string[], queryKey: QueryKey, enabled = true): void {
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastRefetch = useRef(0);
  const key = useRef(queryKey);
  key.current = queryKey;
  useEffect(() => () => clearTimeout(pending.current), []);
  useLiveEvents(
    types,
    () => {
      if (pending.current) return;
      const refetch = () => {
        pending.current = undefined;
        lastRefetch.current = Date.now();
        void queryClient.invalidateQueries({ queryKey: key.current });
      };
      const wait = lastRefetch.current + MIN_INTERVAL_MS - Date.now();
      if (wait <= 0) refetch();
      else pending.current = setTimeout(refetch, wait);
    },
    enabled,
  );
}
