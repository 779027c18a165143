import { LiveEventsProvider } from '@web/live/live-events';
import { type ReactNode, useEffect, useState } from 'react';
import { CommandPalette } from './command-palette';
import { DesktopSidebar } from './desktop-sidebar';
import { MobileSidebar } from './mobile-sidebar';
import { SkipLink } from './skip-link';
import { TopBar } from './top-bar';
import { useMediaQuery } from './use-media-query';
import { useSidebarCollapsed } from './use-sidebar-collapsed';

/** Matches Tailwind's `md` breakpoint, where the persistent sidebar takes over from the drawer. */
const desktopQuery = '(min-width: 768px)';

export function AppShell({ children }: { children: ReactNode }) {
  const [collapsed, toggleCollapsed] = useSidebarCollapsed();
  const [navigationOpen, setNavigationOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const isDesktop = useMediaQuery(desktopQuery);

  // A drawer left open while the window widens would trap focus behind the real sidebar.
  useEffect(() => {
    if (isDesktop) setNavigationOpen(false);
  }, [isDesktop]);

  return (
    <LiveEventsProvider>
      <div className="flex min-h-svh">
        <SkipLink />
        <DesktopSidebar collapsed={collapsed} onToggleCollapsed={toggleCollapsed} />
        <MobileSidebar open={navigationOpen} onOpenChange={setNavigationOpen} />
        <div className="flex min-w-0 flex-1 flex-col">
          <TopBar
            onOpenNavigation={() => setNavigationOpen(true)}
            onOpenPalette={() => setPaletteOpen(true)}
          />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8"
          >
            {children}
          </main>
        </div>
        <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
      </div>
    </LiveEventsProvider>
  );
}
