import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, unwrap } from '@web/api/client';
import { TextField } from '@web/ui/field';
import { FormError } from '@web/ui/form-alert';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf } from '../auth-result';
import { AuthCard } from '../components/auth-card';
import { SubmitButton } from '../components/submit-button';

const signInLink = (
  <p className="text-muted-foreground">
    Already have an account?{' '}
    <Link to="/sign-in" className="font-medium text-foreground underline-offset-4 hover:underline">
      Sign in
    </Link>
  </p>
);

/**
 * A new account and its organisation (or, from an invitation link, an account in the inviting
 * organisation). The answer is the same whether or not the address already had an account.
 */
export function SignUpPage({ invitation }: { invitation?: string | undefined }) {
  const [form, setForm] = useState({ name: '', email: '', password: '', organisationName: '' });
  const signUp = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/partner/signup', {
          body: {
            name: form.name,
            email: form.email,
            password: form.password,
            ...(invitation ? { invitationToken: invitation } : { organisationName: form.organisationName }),
          },
        }),
      ),
  });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate();
  };

  if (signUp.data?.status === 'joined') {
    return (
      <AuthCard
        title="You joined the organisation"
        description={`Your account ${signUp.data.email} is ready. Sign in to start.`}
      >
        <Link to="/sign-in" search={{ email: signUp.data.email }} className="font-medium underline">
          Sign in
        </Link>
      </AuthCard>
    );
  }
  if (signUp.data) {
    return (
      <AuthCard
        title="Check your inbox"
        description={`We sent a link to ${signUp.data.email}. Open it to verify your address, then sign in.`}
        footer={signInLink}
      />
    );
  }
  const fieldErrors = fieldErrorsOf(signUp.error);
  return (
    <AuthCard
      title={invitation ? 'Join your team on Atrium' : 'Create your Atrium account'}
      description={
        invitation
          ? 'Create your account to accept the invitation.'
          : 'One account for you, and a workspace for your organisation.'
      }
      footer={signInLink}
    >
      <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          value={form.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters."
          value={form.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        {!invitation && (
          <TextField
            label="Organisation name"
            name="organisation"
            autoComplete="organization"
            required
            value={form.organisationName}
            onChange={set('organisationName')}
            error={fieldErrors.organisationName}
          />
        )}
        {signUp.isError && (
          <FormError
            error={signUp.error}
            message={Object.keys(fieldErrors).length > 0 ? 'Check the highlighted fields.' : undefined}
          />
        )}
        <SubmitButton pending={signUp.isPending}>Create account</SubmitButton>
      </form>
    </AuthCard>
  );
}
