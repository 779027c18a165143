import { createFileRoute } from '@tanstack/react-router';
import { ForgotPasswordPage } from '../../modules/identity/web/pages/forgot-password-page';

export const Route = createFileRoute('/forgot-password')({
  head: () => ({ meta: [{ title: 'Reset your password · Atrium' }] }),
  staticData: { publicPage: true },
  component: ForgotPasswordPage,
});
