import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '@web/api/client';
import { TextField } from '@web/ui/field';
import { FormError, FormNotice } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { reasonOf, unwrapAuth } from '../auth-result';
import { SubmitButton } from './submit-button';

interface PasswordStepProps {
  initialEmail: string | undefined;
  onSignedIn: () => void;
  onSecondFactor: () => void;
}

/** Email and password; better-auth answers a session, or asks for the second factor. */
export function PasswordStep({ initialEmail, onSignedIn, onSecondFactor }: PasswordStepProps) {
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/sign-in/email', { body: { email, password } })),
    onSuccess: (answer) => ('twoFactorRedirect' in answer ? onSecondFactor() : onSignedIn()),
  });
  const resend = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/send-verification-email', { body: { email } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {signIn.isError && (
        <FormError error={signIn.error}>
          {reasonOf(signIn.error) === 'EMAIL_NOT_VERIFIED' && !resend.isSuccess && (
            <button
              type="button"
              className="self-start font-medium underline underline-offset-4 disabled:opacity-50"
              disabled={resend.isPending}
              onClick={() => resend.mutate()}
            >
              Send the verification link again
            </button>
          )}
        </FormError>
      )}
      {resend.isSuccess && <FormNotice>We sent a new verification link to {email}.</FormNotice>}
      {resend.isError && <FormError error={resend.error} />}
      <SubmitButton pending={signIn.isPending}>Sign in</SubmitButton>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
        <Link to="/magic-link" className="underline-offset-4 hover:underline">
          Email me a sign-in link
        </Link>
      </div>
    </form>
  );
}
