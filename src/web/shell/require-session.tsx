import { useLocation, useNavigate } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { type ReactNode, useEffect, useRef } from 'react';
import { useCurrentUser } from './session';
import { ErrorState, LoadingState } from './states';

/**
 * Renders the signed-in dashboard only with a session: without one (GET /partner/me answers 401)
 * it sends the browser to the sign-in page, which brings it back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const currentUser = useCurrentUser();
  const here = useLocation({ select: (location) => location.href });
  const navigate = useNavigate();
  const signedOut = currentUser.error instanceof ProblemError && currentUser.error.status === 401;
  const redirected = useRef(false);

  // Once per sign-out: the location already says /sign-in while that page's code still loads and
  // this component is still shown, and navigating again from there would nest redirects forever.
  useEffect(() => {
    if (!signedOut) {
      redirected.current = false;
      return;
    }
    if (redirected.current) return;
    redirected.current = true;
    void navigate({ to: '/sign-in', search: { redirect: here }, replace: true });
  }, [signedOut, here, navigate]);

  if (currentUser.isPending || signedOut) {
    return (
      <div className="mx-auto w-full max-w-6xl px-4 py-6">
        <LoadingState label={signedOut ? 'Opening the sign-in page…' : 'Checking your session…'} />
      </div>
    );
  }
  if (currentUser.isError) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-10">
        <ErrorState error={currentUser.error} onRetry={() => currentUser.refetch()} />
      </div>
    );
  }
  return children;
}
