import { ProblemError } from '@web/api/problem';
import { cn } from '@web/lib/utils';
import { CircleAlertIcon, CircleCheckIcon } from 'lucide-react';
import type { ReactNode } from 'react';

function messageOf(error: unknown): string {
  if (error instanceof ProblemError) return error.detail ?? error.title;
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return 'Atrium could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}

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
        <p>{message ?? messageOf(error)}</p>
        {children}
      </div>
    </div>
  );
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
