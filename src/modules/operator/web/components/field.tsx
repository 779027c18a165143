import { cn } from '@web/lib/utils';
import type { ComponentProps } from 'react';

const control =
  'h-9 rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-ring';

/** A labelled search box for the console's filter bars. */
export function SearchField({ label, className, ...props }: ComponentProps<'input'> & { label: string }) {
  return (
    <label className="flex flex-col gap-1 text-muted-foreground text-xs">
      {label}
      <input type="search" className={cn(control, 'w-64 max-w-full text-foreground', className)} {...props} />
    </label>
  );
}

export function SelectField({
  label,
  options,
  className,
  ...props
}: ComponentProps<'select'> & { label: string; options: readonly string[] }) {
  return (
    <label className="flex flex-col gap-1 text-muted-foreground text-xs">
      {label}
      <select className={cn(control, 'text-foreground', className)} {...props}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
