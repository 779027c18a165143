import { cn } from '@web/lib/utils';
import type { ReactNode } from 'react';

const tones = {
  green: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  amber: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  red: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
  blue: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  muted: 'bg-muted text-muted-foreground',
} as const;

function Pill({ tone, children, title }: { tone: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex whitespace-nowrap rounded-md px-1.5 py-0.5 font-medium text-xs',
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}

export function PersonaBadge({ persona }: { persona: { key: string; label: string } | null }) {
  if (!persona) return <Pill tone="muted">Not analysed</Pill>;
  return (
    <Pill tone="blue" title={persona.key}>
      {persona.label}
    </Pill>
  );
}

const DRIFT = {
  none: { tone: 'green', label: 'Stable' },
  moderate: { tone: 'amber', label: 'Moderate drift' },
  alert: { tone: 'red', label: 'Drift alert' },
} as const;

/** Drift level with its PSI; null before the history holds two periods to compare. */
export function DriftBadge({ level, psi }: { level: keyof typeof DRIFT | null; psi?: number | null }) {
  if (!level) return <Pill tone="muted">No drift yet</Pill>;
  const { tone, label } = DRIFT[level];
  return (
    <Pill tone={tone}>
      {label}
      {psi !== null && psi !== undefined ? ` · PSI ${psi.toFixed(2)}` : ''}
    </Pill>
  );
}

const RISK = { low: 'green', medium: 'amber', high: 'red' } as const;

export function RiskBadge({ level }: { level: keyof typeof RISK | null }) {
  if (!level) return <Pill tone="muted">Not screened</Pill>;
  return <Pill tone={RISK[level]}>{level[0]?.toUpperCase() + level.slice(1)} risk</Pill>;
}
