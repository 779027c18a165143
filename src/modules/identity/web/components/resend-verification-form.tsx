import { useMutation } from '@tanstack/react-query';
import { api } from '@web/api/client';
import { TextField } from '@web/ui/field';
import { FormError, FormNotice } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { unwrapAuth } from '../auth-result';
import { SubmitButton } from './submit-button';

/** Asks for a fresh verification link, for a link that expired or got lost. */
export function ResendVerificationForm() {
  const [email, setEmail] = useState('');
  const resend = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/send-verification-email', { body: { email } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resend.mutate();
  };
  if (resend.isSuccess) {
    return (
      <FormNotice>If {email} has an account waiting for verification, a new link is on its way.</FormNotice>
    );
  }
  return (
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
      {resend.isError && <FormError error={resend.error} />}
      <SubmitButton pending={resend.isPending}>Send a new link</SubmitButton>
    </form>
  );
}
