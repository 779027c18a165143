import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '@web/api/client';
import { TextField } from '@web/ui/field';
import { FormError, FormNotice } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { unwrapAuth } from '../auth-result';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';
import { useFinishSignIn } from '../use-finish-sign-in';

const backToSignIn = (
  <Link to="/sign-in" className="underline-offset-4 hover:underline">
    Sign in with a password instead
  </Link>
);

/** Without a token: ask for a link by mail. With one (the mailed link): sign in on a click. */
export function MagicLinkPage({ token }: { token: string | undefined }) {
  return token ? <MagicLinkLanding token={token} /> : <MagicLinkRequest />;
}

function MagicLinkRequest() {
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.POST('/partner/auth/sign-in/magic-link', { body: { email } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <AuthCard
      title="Sign in with a link"
      description="We email you a link that signs you in, no password needed. It works once, for five minutes."
      footer={backToSignIn}
    >
      {request.isSuccess ? (
        <FormNotice>If {email} has an Atrium account, a sign-in link is on its way.</FormNotice>
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
          <SubmitButton pending={request.isPending}>Email me a link</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}

/**
 * The token works once, so it is spent on a click, never as the page opens: mail scanners that
 * open links would otherwise use it up before the person does.
 */
function MagicLinkLanding({ token }: { token: string }) {
  const finish = useFinishSignIn('/');
  const verify = useMutation({
    mutationFn: async () =>
      unwrapAuth(await api.GET('/partner/auth/magic-link/verify', { params: { query: { token } } })),
    onSuccess: () => finish(),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  return (
    <AuthCard
      title="Sign in to Atrium"
      description="Continue to sign in with the link from your email."
      footer={backToSignIn}
    >
      {verify.isError ? (
        // A refused token is spent or wrong: trying it again cannot help.
        <FormError error={verify.error}>
          <Link to="/magic-link" className="font-medium underline underline-offset-4">
            Email me a new link
          </Link>
        </FormError>
      ) : (
        <form className="flex flex-col gap-4" onSubmit={submit}>
          <SubmitButton pending={verify.isPending || verify.isSuccess}>Continue</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
