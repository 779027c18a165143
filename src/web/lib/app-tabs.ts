import type { ComponentType } from 'react';

/** One tab of the app detail page (/tenancy/apps/$appId). */
export interface AppTab {
  /** Also the `?tab=` value in the URL. */
  id: string;
  title: string;
  /** Lower comes first. */
  order: number;
  /** Shown only to callers holding it. */
  permission?: string;
  /**
   * Marks a tab kept for a module that has not arrived yet (Keys, Webhooks, Logs); a module's real
   * tab with the same id takes its place.
   */
  placeholder?: boolean;
  Panel: ComponentType<{ appId: string }>;
}

/**
 * Tabs from other modules: a module adds one by exporting `appTabs: AppTab[]` from its
 * `web/app-tabs.tsx`. Found by convention, like module pages, so the app page lists no modules.
 */
const contributed: readonly AppTab[] = Object.values(
  import.meta.glob<{ appTabs: readonly AppTab[] }>('../../modules/*/web/app-tabs.tsx', { eager: true }),
).flatMap((module) => module.appTabs);

/** The page's own tabs plus the contributed ones, ordered; a real tab replaces a placeholder. */
export function resolveAppTabs(own: readonly AppTab[], others: readonly AppTab[] = contributed): AppTab[] {
  const byId = new Map<string, AppTab>();
  for (const tab of [...own, ...others]) {
    const existing = byId.get(tab.id);
    if (!existing || (existing.placeholder && !tab.placeholder)) byId.set(tab.id, tab);
  }
  return [...byId.values()].sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}
