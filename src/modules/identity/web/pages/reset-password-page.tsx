import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '@web/api/client';
import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { FormError } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { reasonOf, unwrapAuth } from '../auth-result';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';

const askAgain = (
  <Link to="/forgot-password" className="font-medium underline underline-offset-4">
    Ask for a new link
  </Link>
);

/** Opened from the mailed link: a new password for the account the token belongs to. */
export function ResetPasswordPage({ token }: { token: string | undefined }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: async () =>
      unwrapAuth(
        await api.POST('/partner/auth/reset-password', {
          body: { token: token ?? '', newPassword: password },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== confirmation);
    if (password === confirmation) reset.mutate();
  };

  if (!token) {
    return (
      <AuthCard title="This link is incomplete" description="The reset link has no token. Ask for a new one.">
        {askAgain}
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard
        title="Password changed"
        description="Your new password works from now on. For your safety, other devices were signed out."
      >
        <Button asChild>
          <Link to="/sign-in">Sign in</Link>
        </Button>
      </AuthCard>
    );
  }
  const tokenRefused = reasonOf(reset.error) === 'INVALID_TOKEN';
  return (
    <AuthCard title="Choose a new password" footer={askAgain}>
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="New password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          label="Confirm the password"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
          error={mismatch ? 'The two passwords differ.' : undefined}
        />
        {reset.isError && (
          <FormError error={reset.error}>
            {tokenRefused && <p>This link is invalid, has expired or was already used. {askAgain}.</p>}
          </FormError>
        )}
        <SubmitButton pending={reset.isPending}>Change password</SubmitButton>
      </form>
    </AuthCard>
  );
}
