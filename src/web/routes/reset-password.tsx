import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { ResetPasswordPage } from '../../modules/identity/web/pages/reset-password-page';

export const Route = createFileRoute('/reset-password')({
  head: () => ({ meta: [{ title: 'Choose a new password · Atrium' }] }),
  staticData: { publicPage: true },
  validateSearch: (search): { token?: string } => ({ token: optionalString(search.token) }),
  component: function ResetPasswordRoute() {
    const { token } = Route.useSearch();
    return <ResetPasswordPage token={token} />;
  },
});
