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
import { type ReactNode, useEffect, useState } from 'react';
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

interface PaletteEntry {
  value: string;
  keywords: string[];
  label: string;
  icon: ReactNode;
  onSelect: () => void;
}

interface PaletteGroup {
  heading: string;
  entries: PaletteEntry[];
}

function renderEntry(entry: PaletteEntry) {
  return (
    <CommandItem key={entry.value} value={entry.value} keywords={entry.keywords} onSelect={entry.onSelect}>
      {entry.icon}
      <span className="truncate">{entry.label}</span>
    </CommandItem>
  );
}

interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** ⌘K / Ctrl+K: jump to any page the navigation API lists, switch the theme, or sign out. */
export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const [search, setSearch] = useState('');
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

  const groups: PaletteGroup[] = [
    {
      heading: 'Atrium',
      entries: [
        {
          value: 'Home',
          keywords: ['start', 'welcome'],
          label: 'Home',
          icon: <HouseIcon aria-hidden="true" />,
          onSelect: () => goTo('/'),
        },
      ],
    },
    ...(navigation.data?.sections ?? []).map((section) => ({
      heading: section.title,
      entries: section.items.map((item) => ({
        // The ids keep values unique when two sections reuse a page title.
        value: `${item.title} ${section.id}/${item.id}`,
        keywords: [section.title, item.description],
        label: item.title,
        icon: <NavIcon name={item.icon} />,
        onSelect: () => goTo(item.path),
      })),
    })),
    {
      heading: 'Account',
      entries: [
        {
          value: 'Account and security',
          keywords: ['profile', 'two-factor', 'password', 'sessions'],
          label: 'Account and security',
          icon: <ShieldCheckIcon aria-hidden="true" />,
          onSelect: () => goTo('/account'),
        },
        {
          value: 'Sign out',
          keywords: ['log out'],
          label: 'Sign out',
          icon: <LogOutIcon aria-hidden="true" />,
          onSelect: () => {
            onOpenChange(false);
            signOut.mutate();
          },
        },
      ],
    },
    {
      heading: 'Theme',
      entries: THEME_ACTIONS.map(({ preference, label, keywords, Icon }) => ({
        value: label,
        keywords,
        label,
        icon: <Icon aria-hidden="true" />,
        onSelect: () => applyTheme(preference),
      })),
    },
  ];

  return (
    <CommandDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setSearch('');
        onOpenChange(next);
      }}
      title="Command palette"
      description="Search for a page or an action and press Enter."
    >
      <CommandInput placeholder="Search pages and actions…" value={search} onValueChange={setSearch} />
      <CommandList>
        <CommandEmpty>No pages or actions match.</CommandEmpty>
        {navigation.isPending && <CommandLoading>Loading pages…</CommandLoading>}
        {search ? (
          // cmdk ranks items within a group but does not reorder groups, so while searching all
          // entries share one group: the best match comes first whichever section it is in.
          <CommandGroup heading="Results">
            {groups.flatMap((group) => group.entries.map(renderEntry))}
          </CommandGroup>
        ) : (
          groups.map((group) => (
            <CommandGroup key={group.heading} heading={group.heading}>
              {group.entries.map(renderEntry)}
            </CommandGroup>
          ))
        )}
      </CommandList>
    </CommandDialog>
  );
}
