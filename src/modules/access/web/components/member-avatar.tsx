import { cn } from '@web/lib/utils';

/** Up to two initials: "Ada Lovelace" → AL, "grace@example.com" → G. */
export function initials(name: string, email: string): string {
  const words = (name.trim() || email).split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters.map((word) => word?.[0]?.toUpperCase() ?? '').join('') || '?';
}

// A handful of calm hues; the same person always gets the same one.
const tones = [
  'bg-sky-100 text-sky-900 dark:bg-sky-900/60 dark:text-sky-100',
  'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  'bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100',
  'bg-violet-100 text-violet-900 dark:bg-violet-900/60 dark:text-violet-100',
  'bg-teal-100 text-teal-900 dark:bg-teal-900/60 dark:text-teal-100',
];

function tone(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return tones[hash % tones.length] ?? tones[0] ?? '';
}

/** Decorative: the name next to it says who it is. */
export function MemberAvatar({
  name,
  email,
  className,
}: {
  name: string;
  email: string;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full font-medium text-xs',
        tone(email.toLowerCase()),
        className,
      )}
    >
      {initials(name, email)}
    </span>
  );
}
