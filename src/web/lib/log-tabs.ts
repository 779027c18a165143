import type { ComponentType } from 'react';

/** A log page's filters as they stand in the URL: plain strings, absent when unset. */
export type LogTabSearch = Record<string, string | undefined>;

/** One tab of the Logs page (/logs) besides its own "API requests" tab. */
export interface LogTab {
  /** Also the `?tab=` value in the URL. */
  id: string;
  title: string;
  /** Lower comes first; the API requests tab is 0. */
  order: number;
  /** What the page header says while the tab is open. */
  description: string;
  /** Shown only to callers holding it. */
  permission?: string;
  /** The search parameters the tab keeps in the URL (its filters); the page drops any other. */
  searchKeys: readonly string[];
  Panel: ComponentType<{ search: LogTabSearch; onSearchChange: (search: LogTabSearch) => void }>;
}

/**
 * Tabs from other modules: a module adds one by exporting `logTabs: LogTab[]` from its
 * `web/log-tabs.tsx`. Found by convention, like the app page's tabs, so the logs module imports
 * no other module's pages.
 */
const contributed: readonly LogTab[] = Object.values(
  import.meta.glob<{ logTabs: readonly LogTab[] }>('../../modules/*/web/log-tabs.tsx', { eager: true }),
).flatMap((module) => module.logTabs);

/** The contributed tabs, ordered; the first of two with one id wins. */
export function resolveLogTabs(tabs: readonly LogTab[] = contributed): LogTab[] {
  const byId = new Map<string, LogTab>();
  for (const tab of tabs) if (!byId.has(tab.id)) byId.set(tab.id, tab);
  return [...byId.values()].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
