import { cn } from '@web/lib/utils';
import { Button } from '@web/ui/button';
import { PanelLeftCloseIcon, PanelLeftOpenIcon } from 'lucide-react';
import { Brand } from './brand';
import { SidebarNav } from './sidebar-nav';

interface DesktopSidebarProps {
  collapsed: boolean;
  onToggleCollapsed: () => void;
}

/** The persistent sidebar from tablet width up; phones get the drawer in MobileSidebar instead. */
export function DesktopSidebar({ collapsed, onToggleCollapsed }: DesktopSidebarProps) {
  return (
    <aside
      id="desktop-sidebar"
      data-collapsed={collapsed}
      className={cn(
        'sticky top-0 hidden h-svh shrink-0 flex-col border-sidebar-border border-r bg-sidebar text-sidebar-foreground transition-[width] duration-200 md:flex',
        collapsed ? 'w-14' : 'w-64',
      )}
    >
      <div
        className={cn(
          'flex h-14 items-center border-sidebar-border border-b px-3',
          collapsed && 'justify-center px-0',
        )}
      >
        <Brand compact={collapsed} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">
        <SidebarNav collapsed={collapsed} />
      </div>
      <div
        className={cn(
          'flex border-sidebar-border border-t p-2',
          collapsed ? 'justify-center' : 'justify-end',
        )}
      >
        <Button
          variant="ghost"
          size="icon"
          aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
          aria-controls="desktop-sidebar"
          onClick={onToggleCollapsed}
        >
          {collapsed ? <PanelLeftOpenIcon aria-hidden="true" /> : <PanelLeftCloseIcon aria-hidden="true" />}
        </Button>
      </div>
    </aside>
  );
}
