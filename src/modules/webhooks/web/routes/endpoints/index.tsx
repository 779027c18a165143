import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { WebhookIcon } from 'lucide-react';
import { useMemo } from 'react';
import { EndpointsTable } from '../../components/endpoints-table';
import { EventCatalogueButton } from '../../components/event-catalogue-button';
import { useAppChoices, useWebhookEndpoints } from '../../queries';

export const Route = createFileRoute('/webhooks/endpoints/')({
  head: () => ({ meta: [{ title: 'Webhook endpoints · Atrium' }] }),
  component: EndpointsPage,
});

/** Every endpoint of the tenant, across its apps: where each app's events go, and how that is going. */
function EndpointsPage() {
  const endpoints = useWebhookEndpoints();
  const apps = useAppChoices();
  const appNames = useMemo(() => new Map(apps.data?.map((app) => [app.id, app.name])), [apps.data]);
  return (
    <>
      <PageHeader
        title="Webhook endpoints"
        description="Every endpoint of your apps, with what it subscribes to, whether deliveries succeed and its success rate over 7 days. Endpoints are added on each app’s Webhooks tab."
        actions={<EventCatalogueButton />}
      />
      {endpoints.isPending && <LoadingState label="Loading webhook endpoints…" />}
      {endpoints.isError && <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />}
      {endpoints.data?.length === 0 && (
        <EmptyState
          icon={<WebhookIcon />}
          title="No webhook endpoints yet"
          description="Open an app and its Webhooks tab to add an endpoint: Atrium then POSTs that app’s events to your servers as they happen."
        />
      )}
      {endpoints.data && endpoints.data.length > 0 && (
        <EndpointsTable endpoints={endpoints.data} appNames={appNames} />
      )}
    </>
  );
}
