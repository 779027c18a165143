import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { SignUpPage } from '../../modules/identity/web/pages/sign-up-page';

export const Route = createFileRoute('/sign-up')({
  head: () => ({ meta: [{ title: 'Create an account · Atrium' }] }),
  staticData: { publicPage: true },
  validateSearch: (search): { invitation?: string } => ({ invitation: optionalString(search.invitation) }),
  component: function SignUpRoute() {
    const { invitation } = Route.useSearch();
    return <SignUpPage invitation={invitation} />;
  },
});
