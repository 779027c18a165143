import { useCallback, useState } from 'react';

const storageKey = 'atrium-sidebar-collapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(storageKey) === 'true';
  } catch {
    return false;
  }
}

/** Whether the desktop sidebar shows icons only; remembered across visits. */
export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = useCallback(() => {
    setCollapsed((previous) => {
      const next = !previous;
      try {
        window.localStorage.setItem(storageKey, String(next));
      } catch {
        // Blocked storage only costs the preference, not the feature.
      }
      return next;
    });
  }, []);
  return [collapsed, toggle];
}
