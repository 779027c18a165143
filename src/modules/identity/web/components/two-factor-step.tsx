import { useMutation } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { FormError } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { unwrapAuth } from '../auth-result';
import { SubmitButton } from './submit-button';

/**
 * The second step of a password sign-in: a code from the authenticator app, or one of the
 * recovery codes (each works once). The challenge itself rides in a short-lived cookie.
 */
export function TwoFactorStep({ onSignedIn, onRestart }: { onSignedIn: () => void; onRestart: () => void }) {
  const [recoveryMode, setRecoveryMode] = useState(false);
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: async () => {
      const body = { code: code.trim() };
      return recoveryMode
        ? unwrapAuth(await api.POST('/partner/auth/two-factor/verify-backup-code', { body }))
        : unwrapAuth(await api.POST('/partner/auth/two-factor/verify-totp', { body }));
    },
    onSuccess: () => onSignedIn(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const switchKind = () => {
    setRecoveryMode((current) => !current);
    setCode('');
    verify.reset();
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      {recoveryMode ? (
        <TextField
          key="recovery"
          label="Recovery code"
          name="recovery-code"
          autoComplete="off"
          autoFocus
          required
          hint="One of the codes you saved when you set up two-factor authentication. Each works once."
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      ) : (
        <TextField
          key="totp"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={6}
          autoFocus
          required
          hint="The 6-digit code your authenticator app shows for Atrium."
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      )}
      {verify.isError && <FormError error={verify.error} />}
      <SubmitButton pending={verify.isPending}>Verify</SubmitButton>
      <div className="flex flex-wrap justify-between gap-2">
        <Button variant="link" className="h-auto px-0" onClick={switchKind}>
          {recoveryMode ? 'Use the authenticator app' : 'Use a recovery code'}
        </Button>
        <Button variant="link" className="h-auto px-0" onClick={onRestart}>
          Start over
        </Button>
      </div>
    </form>
  );
}
