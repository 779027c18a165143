import { cn } from '@web/lib/utils';
import { formatPercent } from './format';

/** A 0…1 value as a thin bar with its percentage; assistive technology reads the label and the percentage. */
export function ConfidenceBar({
  value,
  label,
  className,
}: {
  value: number;
  label: string;
  className?: string;
}) {
  const clamped = Math.min(1, Math.max(0, value));
  return (
    <div className={cn('flex items-center gap-2', className)}>
      <div aria-hidden="true" className="h-1.5 w-20 overflow-hidden rounded-full bg-muted">
        <div className="h-full rounded-full bg-primary" style={{ width: `${clamped * 100}%` }} />
      </div>
      <span className="text-muted-foreground text-xs tabular-nums">
        <span className="sr-only">{label}: </span>
        {formatPercent(clamped)}
      </span>
    </div>
  );
}
