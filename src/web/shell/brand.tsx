import { Link } from '@tanstack/react-router';
import { cn } from '@web/lib/utils';

/** The product mark; the letter tile stays visible when the sidebar is collapsed to icons. */
export function Brand({ compact = false, className }: { compact?: boolean; className?: string }) {
  return (
    <Link
      to="/"
      aria-label="Atrium home"
      className={cn(
        'flex items-center gap-2 rounded-md font-semibold text-base outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary font-bold text-primary-foreground text-sm"
      >
        A
      </span>
      {!compact && <span aria-hidden="true">Atrium</span>}
    </Link>
  );
}
