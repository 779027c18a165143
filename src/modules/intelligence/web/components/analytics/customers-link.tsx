import { useRouter } from '@tanstack/react-router';
import type { ComponentProps, MouseEvent } from 'react';
import { type CustomersFilter, customersHref } from './search';

/** Follows a link inside the app on a plain click (a chart element has no anchor to click). */
export function useOpenCustomers() {
  const router = useRouter();
  return (filter: CustomersFilter) => router.history.push(customersHref(filter));
}

/**
 * A link to the Customers page with a filter applied, navigating inside the app on a plain click.
 * That page belongs to another part of the module and its path is not in this route tree's types
 * until both are merged, so the href is built from its documented search params.
 */
export function CustomersLink({
  filter,
  onClick,
  ...props
}: { filter: CustomersFilter } & Omit<ComponentProps<'a'>, 'href'>) {
  const router = useRouter();
  const href = customersHref(filter);
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    router.history.push(href);
  };
  return <a href={href} onClick={navigate} {...props} />;
}

/** The customer's profile page. */
export function CustomerProfileLink({
  customerId,
  ...props
}: { customerId: string } & Omit<ComponentProps<'a'>, 'href' | 'onClick'>) {
  const router = useRouter();
  const href = `/customers/${encodeURIComponent(customerId)}`;
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    router.history.push(href);
  };
  return <a href={href} onClick={navigate} {...props} />;
}
