import { createFileRoute, redirect } from '@tanstack/react-router';

/** The sidebar's "Webhook logs": the Logs page's Webhooks tab, where deliveries sit next to requests. */
export const Route = createFileRoute('/webhooks/logs')({
  beforeLoad: () => {
    throw redirect({ to: '/logs', search: { tab: 'webhooks' }, replace: true });
  },
});
