import { formError } from '@web/lib/form-errors';
import { cn } from '@web/lib/utils';
import { CircleAlertIcon, CircleCheckIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * A refused form submission: the problem's detail (or `message`, e.g. when the fields show the
 * details themselves), announced as soon as it appears.
 */
export function FormError({
  error,
  message,
  children,
}: {
  error: unknown;
  message?: string;
  children?: ReactNode;
}) {
  return (
    <div
      role="alert"
      className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm"
    >
      <CircleAlertIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
      <div className="flex min-w-0 flex-col gap-2">
        <p>{message ?? formError(error)}</p>
        {children}
      </div>
    </div>
  );
}

/** A failure no single field explains, inside a form or dialog; nothing when there is none. */
export function FormAlert({ message }: { message: string | undefined }) {
  return message ? <FormError error={undefined} message={message} /> : null;
}

/** A confirmation in the same place, e.g. "we sent the link". */
export function FormNotice({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      role="status"
      className={cn('flex gap-2 rounded-md border bg-muted/50 px-3 py-2 text-sm', className)}
    >
      <CircleCheckIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-emerald-600" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
