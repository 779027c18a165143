import type { ComponentType } from 'react';

/** A card a module adds to the Overview page (the job tracker). */
export interface OverviewCard {
  id: string;
  /** Lower comes first. */
  order: number;
  /** Shown only to callers holding it. */
  permission?: string;
  Card: ComponentType;
}

/** Exported as `overviewCards` from a module's `web/overview-cards.tsx`, found by convention. */
export const overviewCards: readonly OverviewCard[] = Object.values(
  import.meta.glob<{ overviewCards: readonly OverviewCard[] }>('../../modules/*/web/overview-cards.tsx', {
    eager: true,
  }),
)
  .flatMap((module) => module.overviewCards)
  .sort((a, b) => a.order - b.order);
