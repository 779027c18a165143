import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { safeRedirect } from './safe-redirect';

/**
 * After a session starts: answers cached while signed out (or for another user) are dropped, and
 * the browser goes where it was headed before the sign-in page.
 */
export function useFinishSignIn(redirect: string | undefined) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    queryClient.clear();
    await navigate({ href: safeRedirect(redirect), replace: true });
  };
}
