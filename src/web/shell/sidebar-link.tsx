import { Link } from '@tanstack/react-router';
import { cn } from '@web/lib/utils';
import { Tooltip, TooltipContent, TooltipTrigger } from '@web/ui/tooltip';
import { NavIcon } from './nav-icon';

interface SidebarLinkProps {
  /** A path from the navigation API; the router shows its 404 page if no module serves it. */
  path: string;
  title: string;
  icon: string;
  collapsed: boolean;
  /** Home must not count as active on every page below it. */
  exact?: boolean;
  onNavigate?: () => void;
}

export function SidebarLink({ path, title, icon, collapsed, exact = false, onNavigate }: SidebarLinkProps) {
  const link = (
    <Link
      // Paths come from the server at runtime, so they cannot be checked against the route tree.
      to={path as string & {}}
      activeOptions={{ exact }}
      onClick={onNavigate}
      className={cn(
        'flex h-9 items-center gap-3 rounded-md px-2.5 font-medium text-sidebar-foreground/80 text-sm outline-none transition-colors',
        'hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/60',
        'aria-[current=page]:bg-sidebar-accent aria-[current=page]:text-sidebar-accent-foreground',
        collapsed && 'justify-center px-0',
      )}
    >
      <NavIcon name={icon} className="size-4 shrink-0" />
      <span className={cn('truncate', collapsed && 'sr-only')}>{title}</span>
    </Link>
  );

  if (!collapsed) return link;
  return (
    <Tooltip>
      <TooltipTrigger asChild>{link}</TooltipTrigger>
      <TooltipContent side="right">{title}</TooltipContent>
    </Tooltip>
  );
}
