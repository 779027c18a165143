import type { ComponentType } from 'react';

/** Something a module shows in the top bar, left of the theme toggle (the notification bell). */
export interface TopBarItem {
  id: string;
  /** Lower comes first. */
  order: number;
  Component: ComponentType;
}

/**
 * Found by convention, like module pages: a module exports `topBarItems` from its
 * `web/top-bar.tsx`, so the shell lists no modules.
 */
export const topBarItems: readonly TopBarItem[] = Object.values(
  import.meta.glob<{ topBarItems: readonly TopBarItem[] }>('../../modules/*/web/top-bar.tsx', {
    eager: true,
  }),
)
  .flatMap((module) => module.topBarItems)
  .sort((a, b) => a.order - b.order);
