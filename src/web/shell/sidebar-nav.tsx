import { useNavigation } from '@web/api/queries';
import { cn } from '@web/lib/utils';
import { Button } from '@web/ui/button';
import { Skeleton } from '@web/ui/skeleton';
import { SidebarLink } from './sidebar-link';

interface SidebarNavProps {
  collapsed?: boolean;
  /** Called after a link is followed, so the mobile drawer can close. */
  onNavigate?: () => void;
}

/** The two-level navigation: the shell's Home, then each section's pages as the server lists them. */
export function SidebarNav({ collapsed = false, onNavigate }: SidebarNavProps) {
  const navigation = useNavigation();

  return (
    <nav aria-label="Main" className="flex flex-col gap-4 px-2 py-3">
      <SidebarLink path="/" title="Home" icon="house" exact collapsed={collapsed} onNavigate={onNavigate} />
      {navigation.isPending && <NavSkeleton collapsed={collapsed} />}
      {navigation.isError && !collapsed && (
        <div role="alert" className="flex flex-col items-start gap-2 px-2.5 text-muted-foreground text-sm">
          <span>Navigation could not be loaded.</span>
          <Button size="sm" variant="outline" onClick={() => navigation.refetch()}>
            Retry
          </Button>
        </div>
      )}
      {navigation.data?.sections.map((section) => {
        const headingId = `nav-section-${section.id}`;
        return (
          <div key={section.id} className="flex flex-col gap-1">
            <div
              id={headingId}
              className={cn(
                'px-2.5 pb-1 font-medium text-muted-foreground text-xs uppercase tracking-wide',
                collapsed && 'sr-only',
              )}
            >
              {section.title}
            </div>
            {collapsed && <div aria-hidden="true" className="mx-2 mb-1 h-px bg-sidebar-border" />}
            <ul aria-labelledby={headingId} className="flex flex-col gap-0.5">
              {section.items.map((item) => (
                <li key={item.id}>
                  <SidebarLink
                    path={item.path}
                    title={item.title}
                    icon={item.icon}
                    collapsed={collapsed}
                    onNavigate={onNavigate}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function NavSkeleton({ collapsed }: { collapsed: boolean }) {
  return (
    <div role="status" aria-busy="true" className="flex flex-col gap-2 px-2.5">
      <span className="sr-only">Loading navigation…</span>
      {!collapsed && <Skeleton className="h-3 w-20" />}
      <Skeleton className="h-7 w-full" />
      <Skeleton className="h-7 w-full" />
      <Skeleton className="h-7 w-full" />
    </div>
  );
}
