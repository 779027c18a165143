import { useMutation } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { FormError } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { unwrapAuth } from '../auth-result';
import { CopyButton } from './copy-button';
import { QrCode } from './qr-code';
import { SubmitButton } from './submit-button';

/**
 * Scan (or type) the secret into an authenticator app, then prove it with a first code: only
 * then does sign-in start asking for codes, so a mistyped secret cannot lock the user out.
 */
export function TotpSetup({
  totpURI,
  onConfirmed,
  onCancel,
}: {
  totpURI: string;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const secret = new URL(totpURI).searchParams.get('secret') ?? '';
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/two-factor/verify-totp', { body: { code: code.trim() } })),
    onSuccess: () => onConfirmed(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <div className="flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-1 pl-5 text-sm">
        <li>Scan the QR code with an authenticator app (1Password, Aegis, Google Authenticator, …).</li>
        <li>Enter the 6-digit code the app shows for Atrium.</li>
      </ol>
      <div className="flex flex-wrap items-start gap-6">
        <QrCode value={totpURI} label="QR code of the two-factor secret for your authenticator app" />
        <div className="flex min-w-0 flex-col gap-2 text-sm">
          <p className="text-muted-foreground">Cannot scan? Type this secret into the app instead:</p>
          <code data-testid="totp-secret" className="break-all rounded-md bg-muted px-2 py-1 font-mono">
            {secret}
          </code>
          <div>
            <CopyButton text={secret} label="Copy secret" copied="Secret copied" />
          </div>
        </div>
      </div>
      <form className="flex max-w-sm flex-col gap-3" onSubmit={submit} noValidate>
        <TextField
          label="Code from the app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        {confirm.isError && <FormError error={confirm.error} />}
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={confirm.isPending}>Turn on</SubmitButton>
          <Button variant="ghost" onClick={onCancel} disabled={confirm.isPending}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
