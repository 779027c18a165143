/**
 * Categorical colours for personas, readable on light and dark cards. A persona keeps its colour
 * across every chart of the page: colours follow the order of the overall distribution.
 */
const PALETTE = [
  'oklch(0.62 0.19 255)',
  'oklch(0.7 0.16 160)',
  'oklch(0.75 0.16 75)',
  'oklch(0.63 0.21 25)',
  'oklch(0.6 0.2 305)',
  'oklch(0.72 0.12 200)',
  'oklch(0.66 0.17 130)',
  'oklch(0.68 0.18 350)',
  'oklch(0.58 0.1 50)',
  'oklch(0.55 0.03 260)',
];

export type PersonaColours = (key: string) => string;

export function personaColours(keys: readonly string[]): PersonaColours {
  const known = new Map(keys.map((key, index) => [key, PALETTE[index % PALETTE.length] as string]));
  return (key) => {
    const colour = known.get(key);
    if (colour) return colour;
    let hash = 0;
    for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    return PALETTE[hash % PALETTE.length] as string;
  };
}

export const DRIFT_COLOURS = { moderate: 'oklch(0.75 0.16 75)', alert: 'var(--destructive)' } as const;

export const tooltipStyle = {
  background: 'var(--popover)',
  color: 'var(--popover-foreground)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  fontSize: 12,
} as const;

export const axisTick = { fontSize: 12, fill: 'var(--muted-foreground)' } as const;

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const number = new Intl.NumberFormat();
export const formatShare = (value: number) => percent.format(value);
export const formatCount = (value: number) => number.format(value);
