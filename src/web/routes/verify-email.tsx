import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { VerifyEmailPage } from '../../modules/identity/web/pages/verify-email-page';

export const Route = createFileRoute('/verify-email')({
  head: () => ({ meta: [{ title: 'Verify your email · Atrium' }] }),
  staticData: { publicPage: true },
  validateSearch: (search): { token?: string } => ({ token: optionalString(search.token) }),
  component: function VerifyEmailRoute() {
    const { token } = Route.useSearch();
    return <VerifyEmailPage token={token} />;
  },
});
