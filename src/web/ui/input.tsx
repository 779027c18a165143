import { cn } from '@web/lib/utils';
import type { ComponentProps } from 'react';

/** Shared look of text inputs, text areas and selects; `aria-invalid` turns the border red. */
export const controlClasses =
  'w-full min-w-0 rounded-md border border-input bg-transparent px-3 py-1 text-base shadow-xs outline-none transition-[color,box-shadow] placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive aria-invalid:ring-destructive/20 md:text-sm dark:bg-input/30';

export function Input({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} data-slot="input" className={cn(controlClasses, 'h-9', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea data-slot="textarea" className={cn(controlClasses, 'min-h-20 py-2', className)} {...props} />
  );
}

/** The browser's own select: accessible and right on phones without any script. */
export function NativeSelect({ className, ...props }: ComponentProps<'select'>) {
  return <select data-slot="select" className={cn(controlClasses, 'h-9 pr-8', className)} {...props} />;
}
