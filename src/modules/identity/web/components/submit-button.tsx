import { Button } from '@web/ui/button';
import { LoaderCircleIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/** A form's submit button: disabled while the request is on its way, so it is sent once. */
export function SubmitButton({
  pending,
  children,
  variant,
}: {
  pending: boolean;
  children: ReactNode;
  variant?: 'default' | 'destructive' | 'outline';
}) {
  return (
    <Button type="submit" variant={variant} disabled={pending} aria-busy={pending || undefined}>
      {pending && <LoaderCircleIcon aria-hidden="true" className="animate-spin" />}
      {children}
    </Button>
  );
}
