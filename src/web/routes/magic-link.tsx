import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { MagicLinkPage } from '../../modules/identity/web/pages/magic-link-page';

export const Route = createFileRoute('/magic-link')({
  head: () => ({ meta: [{ title: 'Sign in with a link · Atrium' }] }),
  staticData: { publicPage: true },
  validateSearch: (search): { token?: string } => ({ token: optionalString(search.token) }),
  component: function MagicLinkRoute() {
    const { token } = Route.useSearch();
    return <MagicLinkPage token={token} />;
  },
});
