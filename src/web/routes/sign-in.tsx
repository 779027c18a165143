import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { SignInPage } from '../../modules/identity/web/pages/sign-in-page';

export const Route = createFileRoute('/sign-in')({
  head: () => ({ meta: [{ title: 'Sign in · Atrium' }] }),
  staticData: { publicPage: true },
  validateSearch: (search): { redirect?: string; email?: string } => ({
    redirect: optionalString(search.redirect),
    email: optionalString(search.email),
  }),
  component: function SignInRoute() {
    const { redirect, email } = Route.useSearch();
    return <SignInPage redirect={redirect} email={email} />;
  },
});
