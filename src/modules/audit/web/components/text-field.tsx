import { cn } from '@web/lib/utils';
import { type ComponentProps, useId } from 'react';

/** A labelled input in the dashboard's style. */
export function TextField({ label, className, ...props }: ComponentProps<'input'> & { label: string }) {
  const id = useId();
  return (
    <div className={cn('flex min-w-0 flex-col gap-1.5', className)}>
      <label htmlFor={id} className="font-medium text-sm">
        {label}
      </label>
      <input
        id={id}
        className="h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30"
        {...props}
      />
    </div>
  );
}
