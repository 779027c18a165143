import { createFileRoute } from '@tanstack/react-router';
import { optionalString } from '@web/shell/search-params';
import { AcceptInvitation } from '../../components/accept-invitation';

export const Route = createFileRoute('/access/invitations/accept')({
  head: () => ({ meta: [{ title: 'Join your team · Atrium' }] }),
  // Opened from a mail, usually before the invitee has an account or a session.
  staticData: { publicPage: true },
  validateSearch: (search): { token?: string } => ({ token: optionalString(search.token) }),
  component: AcceptInvitationRoute,
});

function AcceptInvitationRoute() {
  const { token } = Route.useSearch();
  return <AcceptInvitation token={token ?? ''} />;
}
