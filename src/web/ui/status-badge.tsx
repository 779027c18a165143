import { cn } from '@web/lib/utils';

/**
 * An HTTP status code, coloured by class: green 2xx, blue 3xx, amber 4xx, red 5xx. `null` is a
 * request that got no answer (timeout, refused connection), shown in red as "No answer".
 */
export function StatusBadge({ status }: { status: number | null }) {
  const tone =
    status === null || status >= 500
      ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'
      : status >= 400
        ? 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
        : status >= 300
          ? 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200'
          : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200';
  return (
    <span
      className={cn(
        'inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 font-medium font-mono text-xs tabular-nums',
        tone,
      )}
      data-status-class={status === null ? 'none' : `${Math.floor(status / 100)}xx`}
    >
      {status ?? 'No answer'}
    </span>
  );
}
