import { Button } from '@web/ui/button';
import { MenuIcon, SearchIcon } from 'lucide-react';
import { Brand } from './brand';
import { paletteShortcutHint } from './shortcut';
import { TenantSwitcher } from './tenant-switcher';
import { ThemeToggle } from './theme-toggle';
import { topBarItems } from './top-bar-items';
import { UserMenu } from './user-menu';

interface TopBarProps {
  onOpenNavigation: () => void;
  onOpenPalette: () => void;
}

const shortcut = paletteShortcutHint();

export function TopBar({ onOpenNavigation, onOpenPalette }: TopBarProps) {
  return (
    <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 sm:px-4">
      <Button
        variant="ghost"
        size="icon"
        className="md:hidden"
        aria-label="Open navigation"
        onClick={onOpenNavigation}
      >
        <MenuIcon aria-hidden="true" />
      </Button>
      <Brand className="md:hidden" />
      <TenantSwitcher />
      <div className="ml-auto flex items-center gap-0 sm:gap-2">
        <Button
          variant="outline"
          className="h-9 w-9 justify-center px-0 text-muted-foreground sm:w-56 sm:justify-start sm:px-3"
          aria-keyshortcuts={shortcut.spoken}
          onClick={onOpenPalette}
        >
          <SearchIcon aria-hidden="true" />
          <span className="sr-only sm:not-sr-only">Search…</span>
          <kbd className="ml-auto hidden rounded border bg-muted px-1.5 font-mono font-normal text-[0.7rem] sm:inline-block">
            {shortcut.keys}
          </kbd>
        </Button>
        {topBarItems.map(({ id, Component }) => (
          <Component key={id} />
        ))}
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
