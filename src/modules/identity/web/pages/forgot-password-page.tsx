import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '@web/api/client';
import { TextField } from '@web/ui/field';
import { FormError, FormNotice } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { unwrapAuth } from '../auth-result';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';

const backToSignIn = (
  <Link to="/sign-in" className="underline-offset-4 hover:underline">
    Back to sign in
  </Link>
);

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/request-password-reset', { body: { email } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <AuthCard
      title="Reset your password"
      description="Enter your email address and we will send you a link to choose a new password."
      footer={backToSignIn}
    >
      {request.isSuccess ? (
        // The same words whether or not the address has an account: nobody learns which do.
        <FormNotice>
          If {email} has an Atrium account, a link to reset its password is on its way. It works for one hour.
        </FormNotice>
      ) : (
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {request.isError && <FormError error={request.error} />}
          <SubmitButton pending={request.isPending}>Send the link</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
