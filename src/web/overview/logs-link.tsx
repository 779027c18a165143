import { useRouter } from '@tanstack/react-router';
import type { ComponentProps, MouseEvent } from 'react';
import type { LogsFilter } from './queries';

/** `/logs?…` with the filter: where a card or row leads. */
export function logsHref(filter: LogsFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return `/logs?${params.toString()}`;
}

/**
 * A link to the Logs page with a filter applied, navigating inside the app on a plain click. The
 * Logs page belongs to another module, so its path cannot be checked against this route tree; the
 * search params are its documented filters.
 */
export function LogsLink({
  filter,
  onClick,
  ...props
}: { filter: LogsFilter } & Omit<ComponentProps<'a'>, 'href'>) {
  const router = useRouter();
  const href = logsHref(filter);
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    router.history.push(href);
  };
  return <a href={href} onClick={navigate} {...props} />;
}
