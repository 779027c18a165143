import { useCan } from '@web/lib/access';
import { formError } from '@web/lib/form-errors';
import { formatDateTime } from '@web/lib/time';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { FormAlert } from '@web/ui/form-alert';
import { CheckIcon, CopyIcon, EyeIcon, EyeOffIcon, LoaderCircleIcon, RefreshCwIcon } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { WEBHOOKS_PERMISSIONS } from '../../contract';
import { useRevealSecret, useRotateSecret, type WebhookEndpoint } from '../queries';

const MASK = 'whsec_••••••••••••••••••••••••••••••••';

/**
 * The signing secret, hidden until "Reveal" (each reveal is audited), with a copy button; and
 * rotation, during which the old secret keeps signing for 24 hours.
 */
export function SecretPanel({ endpoint }: { endpoint: WebhookEndpoint }) {
  const mayReveal = useCan(WEBHOOKS_PERMISSIONS.revealSecret);
  const mayRotate = useCan(WEBHOOKS_PERMISSIONS.write);
  const reveal = useRevealSecret(endpoint.id);
  const rotate = useRotateSecret(endpoint.id);
  const [shown, setShown] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const show = () =>
    reveal.mutate(undefined, {
      onSuccess: (secrets) => setShown(secrets.secret),
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Signing secret</CardTitle>
        <CardDescription>
          Verify each delivery’s <code className="font-mono">webhook-signature</code> with it (any Standard
          Webhooks library does).
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="webhook-secret"
            className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-xs"
          >
            {shown ?? MASK}
          </code>
          {shown ? (
            <>
              <CopyButton value={shown} />
              <Button variant="outline" size="sm" onClick={() => setShown(undefined)}>
                <EyeOffIcon aria-hidden="true" />
                Hide
              </Button>
            </>
          ) : (
            mayReveal && (
              <Button variant="outline" size="sm" onClick={show} disabled={reveal.isPending}>
                {reveal.isPending ? (
                  <LoaderCircleIcon className="animate-spin" aria-hidden="true" />
                ) : (
                  <EyeIcon aria-hidden="true" />
                )}
                Reveal
              </Button>
            )
          )}
        </div>
        <FormAlert message={formError(reveal.error)} />
        {endpoint.previousSecretExpiresAt && (
          <p className="text-muted-foreground text-xs">
            The previous secret also signs deliveries until{' '}
            {formatDateTime(new Date(endpoint.previousSecretExpiresAt))}.
          </p>
        )}
        {mayRotate && (
          <div>
            <Button variant="outline" size="sm" onClick={() => setConfirming(true)}>
              <RefreshCwIcon aria-hidden="true" />
              Rotate secret
            </Button>
          </div>
        )}
        <ConfirmDialog
          open={confirming}
          onOpenChange={(next) => {
            setConfirming(next);
            if (!next) rotate.reset();
          }}
          title="Rotate the signing secret?"
          description="A new secret signs every delivery from now on. For 24 hours the old one keeps signing too: each delivery carries both signatures, so your receiver can switch without losing one."
          confirmLabel="Rotate secret"
          pending={rotate.isPending}
          error={rotate.error}
          onConfirm={() =>
            rotate.mutate(undefined, {
              onSuccess: (rotated) => {
                setShown(rotated.secret);
                setConfirming(false);
                toast.success('Secret rotated', {
                  description: 'The old secret keeps signing for 24 hours.',
                });
              },
            })
          }
        />
      </CardContent>
    </Card>
  );
}

function CopyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Button variant="outline" size="sm" onClick={copy} aria-label="Copy the secret">
      {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}
