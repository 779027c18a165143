import { createFileRoute } from '@tanstack/react-router';
import { AccountPage } from '../../modules/identity/web/pages/account-page';

export const Route = createFileRoute('/account')({
  head: () => ({ meta: [{ title: 'Account and security · Atrium' }] }),
  component: AccountPage,
});
