import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '@web/api/client';
import { LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { FormError } from '@web/ui/form-alert';
import { unwrapAuth } from '../auth-result';
import { AuthCard } from '../components/auth-card';
import { ResendVerificationForm } from '../components/resend-verification-form';

/**
 * The address the link was sent to, to fill in the sign-in form: the token is a JWT whose payload
 * names it (better-auth answers no user when the verification does not also sign in).
 */
function emailInToken(token: string | undefined): string | undefined {
  try {
    const payload = JSON.parse(
      atob((token ?? '').split('.')[1]?.replace(/-/g, '+').replace(/_/g, '/') ?? ''),
    );
    return typeof payload.email === 'string' ? payload.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The mailed verification link opens this page, which confirms the token. Verifying twice is
 * harmless, so it happens as the page opens (a mail scanner opening the link changes nothing bad).
 */
export function VerifyEmailPage({ token }: { token: string | undefined }) {
  const verification = useQuery({
    queryKey: ['identity', 'verify-email', token],
    queryFn: async ({ signal }) =>
      unwrapAuth(
        await api.GET('/partner/auth/verify-email', { params: { query: { token: token ?? '' } }, signal }),
      ),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (token && verification.isPending) {
    return (
      <AuthCard title="Verifying your email address">
        <LoadingState label="Verifying…" rows={1} />
      </AuthCard>
    );
  }
  if (verification.isSuccess) {
    const email = emailInToken(token);
    return (
      <AuthCard title="Email address verified" description="Your account is ready. Sign in to continue.">
        <Button asChild>
          <Link to="/sign-in" search={{ email }}>
            Sign in
          </Link>
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="This link does not work"
      description="Verification links expire after an hour. Ask for a new one below."
      footer={
        <Link to="/sign-in" className="underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      }
    >
      {verification.isError && <FormError error={verification.error} />}
      <ResendVerificationForm />
    </AuthCard>
  );
}
