import { ProblemError } from '@web/api/problem';
import { cn } from '@web/lib/utils';
import { Button } from '@web/ui/button';
import { Skeleton } from '@web/ui/skeleton';
import { CircleAlertIcon, InboxIcon, RotateCwIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** Placeholder blocks while data loads; `label` is what screen readers hear. */
export function LoadingState({
  label = 'Loading…',
  rows = 3,
  className,
}: {
  label?: string;
  rows?: number;
  className?: string;
}) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className={cn('flex flex-col gap-3', className)}>
      <span className="sr-only">{label}</span>
      <Skeleton className="h-6 w-1/3" />
      {Array.from({ length: rows }, (_, row) => (
        // Rows are identical placeholders; their position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder list
        <Skeleton key={row} className="h-16 w-full" />
      ))}
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  description: string;
  action?: ReactNode;
  icon?: ReactNode;
}

export function EmptyState({ title, description, action, icon }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-12 text-center">
      <div className="text-muted-foreground [&_svg]:size-8" aria-hidden="true">
        {icon ?? <InboxIcon />}
      </div>
      <h2 className="font-semibold text-lg">{title}</h2>
      <p className="max-w-prose text-muted-foreground text-sm">{description}</p>
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

interface ErrorStateProps {
  error: unknown;
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void;
}

/** Shows an RFC 9457 problem (or any other failure) with the request ID support will ask for. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { title, detail, requestId, fieldErrors } = describeError(error);
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-xl border border-destructive/40 bg-destructive/5 px-5 py-5 text-sm"
    >
      <div className="flex items-start gap-3">
        <CircleAlertIcon className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden="true" />
        <div className="flex min-w-0 flex-col gap-1">
          <h2 className="font-semibold text-base">{title}</h2>
          {detail && <p className="text-muted-foreground">{detail}</p>}
          {fieldErrors.length > 0 && (
            <ul className="list-disc pl-5 text-muted-foreground">
              {fieldErrors.map((fieldError) => (
                <li key={`${fieldError.path}:${fieldError.message}`}>
                  <code className="font-mono text-xs">{fieldError.path}</code>: {fieldError.message}
                </li>
              ))}
            </ul>
          )}
          {requestId && (
            <p className="break-all text-muted-foreground text-xs">
              Request ID: <code className="select-all font-mono">{requestId}</code>
            </p>
          )}
        </div>
      </div>
      {onRetry && (
        <div>
          <Button variant="outline" size="sm" onClick={onRetry}>
            <RotateCwIcon aria-hidden="true" />
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}

function describeError(error: unknown) {
  if (error instanceof ProblemError) {
    return {
      title: error.title,
      detail: error.detail,
      requestId: error.requestId,
      fieldErrors: error.errors,
    };
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) {
    return {
      title: 'Atrium could not be reached',
      detail: 'Check your connection or whether the server is running, then try again.',
      requestId: undefined,
      fieldErrors: [],
    };
  }
  return {
    title: 'Something went wrong',
    detail: error instanceof Error ? error.message : undefined,
    requestId: undefined,
    fieldErrors: [],
  };
}
