import { useNavigate } from '@tanstack/react-router';
import { useNavigation } from '@web/api/queries';
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
  CommandLoading,
} from '@web/ui/command';
import { HouseIcon, LogOutIcon, MonitorIcon, MoonIcon, ShieldCheckIcon, SunIcon } from 'lucide-react';
import { useEffect } from 'react';
import { NavIcon } from './nav-icon';
import { useSignOut } from './session';
import { isPaletteShortcut } from './shortcut';
import { useTheme } from './theme';
import type { ThemePreference } from './theme-storage';

const THEME_ACTIONS = [
  { preference: 'light', label: 'Switch to light theme', keywords: ['appearance'], Icon: SunIcon },
  { preference: 'dark', label: 'Switch to dark theme', keywords: ['appearance'], Icon: MoonIcon },
  { preference: 'system', label: 'Use system theme', keywords: ['auto', 'appearance'], Icon: MonitorIcon },
] as const satisfies readonly {
  preference: ThemePreference;
  label: string;
  keywords: string[];
  Icon: unknown;
}[];

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** ⌘K / Ctrl+K: jump to any page the navigation API lists, switch the theme, or sign out. */
export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const navigate = useNavigate();
  const navigation = useNavigation();
  const { setPreference } = useTheme();
  const signOut = useSignOut();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      // Browsers bind Ctrl+K to the address bar search; inside Atrium it means the palette.
      event.preventDefault();
      onOpenChange(!open);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, onOpenChange]);

  const goTo = (path: string) => {
    onOpenChange(false);
    void navigate({ to: path as string & {} });
  };
  const applyTheme = (preference: ThemePreference) => {
    onOpenChange(false);
    setPreference(preference);
  };

  return (
    <CommandDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Command palette"
      description="Search for a page or an action and press Enter."
    >
      <CommandInput placeholder="Search pages and actions…" />
      <CommandList>
        <CommandEmpty>No pages or actions match.</CommandEmpty>
        {navigation.isPending && <CommandLoading>Loading pages…</CommandLoading>}
        <CommandGroup heading="Atrium">
          <CommandItem value="Home" keywords={['start', 'welcome']} onSelect={() => goTo('/')}>
            <HouseIcon aria-hidden="true" />
            Home
          </CommandItem>
        </CommandGroup>
        {navigation.data?.sections.map((section) => (
          <CommandGroup key={section.id} heading={section.title}>
            {section.items.map((item) => (
              <CommandItem
                key={item.id}
                // The ids keep values unique when two sections reuse a page title.
                value={`${item.title} ${section.id}/${item.id}`}
                keywords={[section.title, item.description]}
                onSelect={() => goTo(item.path)}
              >
                <NavIcon name={item.icon} />
                <span className="truncate">{item.title}</span>
              </CommandItem>
            ))}
          </CommandGroup>
        ))}
        <CommandGroup heading="Account">
          <CommandItem
            value="Account and security"
            keywords={['profile', 'two-factor', 'password', 'sessions']}
            onSelect={() => goTo('/account')}
          >
            <ShieldCheckIcon aria-hidden="true" />
            Account and security
          </CommandItem>
          <CommandItem
            value="Sign out"
            keywords={['log out']}
            onSelect={() => {
              onOpenChange(false);
              signOut.mutate();
            }}
          >
            <LogOutIcon aria-hidden="true" />
            Sign out
          </CommandItem>
        </CommandGroup>
        <CommandGroup heading="Theme">
          {THEME_ACTIONS.map(({ preference, label, keywords, Icon }) => (
            <CommandItem
              key={preference}
              value={label}
              keywords={keywords}
              onSelect={() => applyTheme(preference)}
            >
              <Icon aria-hidden="true" />
              {label}
            </CommandItem>
          ))}
        </CommandGroup>
      </CommandList>
    </CommandDialog>
  );
}
