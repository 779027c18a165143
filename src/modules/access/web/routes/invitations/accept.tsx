import { createFileRoute } from '@tanstack/react-router';
import { AcceptInvitation } from '../../components/accept-invitation';

export const Route = createFileRoute('/access/invitations/accept')({
  head: () => ({ meta: [{ title: 'Join your team · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): { token: string } => ({
    token: typeof search.token === 'string' ? search.token : '',
  }),
  component: AcceptInvitationRoute,
});

function AcceptInvitationRoute() {
  const { token } = Route.useSearch();
  return <AcceptInvitation token={token} />;
}
