import { useRouter } from '@tanstack/react-router';
import { AppLink } from '@web/ui/app-link';
import type { ComponentProps } from 'react';
import { type CustomersFilter, customersHref } from './search';

/** Follows a link inside the app on a plain click (a chart element has no anchor to click). */
export function useOpenCustomers() {
  const router = useRouter();
  return (filter: CustomersFilter) => router.history.push(customersHref(filter));
}

/** A link to the Customers page with a filter applied (its documented search params). */
export function CustomersLink({
  filter,
  ...props
}: { filter: CustomersFilter } & Omit<ComponentProps<'a'>, 'href'>) {
  return <AppLink href={customersHref(filter)} {...props} />;
}

/** The customer's profile page. */
export function CustomerProfileLink({
  customerId,
  ...props
}: { customerId: string } & Omit<ComponentProps<'a'>, 'href' | 'onClick'>) {
  return <AppLink href={`/customers/${encodeURIComponent(customerId)}`} {...props} />;
}
