import { Button } from '@web/ui/button';
import { CheckIcon, CopyIcon, TriangleAlertIcon } from 'lucide-react';
import { useState } from 'react';

/** The secret of a new or rotated key, shown this once, with a copy button. */
export function SecretReveal({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="flex flex-col gap-3">
      <div
        role="alert"
        className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900 text-sm dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
      >
        <TriangleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
        <p>Copy it now: Atrium keeps only a hash and cannot show it again.</p>
      </div>
      <div className="flex items-center gap-2">
        <code
          data-testid="api-key-secret"
          className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-xs"
        >
          {secret}
        </code>
        <Button variant="outline" size="sm" onClick={copy} aria-label="Copy the key">
          {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
