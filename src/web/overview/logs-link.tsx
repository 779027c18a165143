import { AppLink } from '@web/ui/app-link';
import type { ComponentProps } from 'react';
import type { LogsFilter } from './queries';

/** `/logs?…` with the filter: where a card or row leads. */
export function logsHref(filter: LogsFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return `/logs?${params.toString()}`;
}

/** A link to the Logs page with a filter applied (another module's page: its documented filters). */
export function LogsLink({ filter, ...props }: { filter: LogsFilter } & Omit<ComponentProps<'a'>, 'href'>) {
  return <AppLink href={logsHref(filter)} {...props} />;
}
