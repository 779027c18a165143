import { Can } from '@web/lib/access';
import type { AppTab } from '@web/lib/app-tabs';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { InfoIcon, PlusIcon, WebhookIcon } from 'lucide-react';
import { useState } from 'react';
import { WEBHOOKS_PERMISSIONS } from '../contract';
import { EndpointFormDialog } from './components/endpoint-form-dialog';
import { EndpointsTable } from './components/endpoints-table';
import { EventCatalogueButton } from './components/event-catalogue-button';
import { useWebhookEndpoints } from './queries';

function AppWebhooksPanel({ appId }: { appId: string }) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="flex max-w-prose items-start gap-2 text-muted-foreground text-sm">
          <InfoIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <span>
            Each endpoint receives this app’s events, signed per Standard Webhooks. Delivery is at least once
            and the order is not guaranteed: deduplicate on <code className="font-mono">webhook-id</code> and
            order by the event’s timestamp.
          </span>
        </p>
        <div className="flex gap-2">
          <EventCatalogueButton />
          <Can permission={WEBHOOKS_PERMISSIONS.write}>
            <Button onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden="true" />
              Add endpoint
            </Button>
          </Can>
        </div>
      </div>
      <AppEndpointsList appId={appId} />
      <EndpointFormDialog mode={{ kind: 'create', appId }} open={adding} onOpenChange={setAdding} />
    </div>
  );
}

function AppEndpointsList({ appId }: { appId: string }) {
  const endpoints = useWebhookEndpoints(appId);
  if (endpoints.isPending) return <LoadingState label="Loading webhook endpoints…" />;
  if (endpoints.isError) return <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  if (endpoints.data.length === 0)
    return (
      <EmptyState
        icon={<WebhookIcon />}
        title="No webhook endpoints yet"
        description="Add an endpoint to have Atrium POST this app’s events (keys created, apps changed, and more) to your servers as they happen."
      />
    );
  return <EndpointsTable endpoints={endpoints.data} />;
}

export const appTabs: readonly AppTab[] = [
  {
    id: 'webhooks',
    title: 'Webhooks',
    order: 20,
    permission: WEBHOOKS_PERMISSIONS.read,
    Panel: AppWebhooksPanel,
  },
];
