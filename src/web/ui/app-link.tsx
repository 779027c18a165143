import { useRouter } from '@tanstack/react-router';
import type { ComponentProps, MouseEvent } from 'react';

/**
 * A link to a dashboard path built at run time (another module's page with a filter, a profile),
 * which the route tree's types cannot check: a plain click navigates inside the app, a modified or
 * middle click opens it as a browser link would.
 */
export function AppLink({ href, onClick, ...props }: { href: string } & Omit<ComponentProps<'a'>, 'href'>) {
  const router = useRouter();
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    router.history.push(href);
  };
  return <a href={href} onClick={navigate} {...props} />;
}
