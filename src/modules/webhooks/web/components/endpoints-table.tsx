import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@web/lib/time';
import { AppLink } from '@web/ui/app-link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import type { WebhookEndpoint } from '../queries';
import { EndpointStatusBadge, SuccessRate, subscribedEvents } from './endpoint-status';

/**
 * Endpoints; the URL opens the endpoint's page. With `appNames` (the tenant-wide list) an App
 * column names each endpoint's app and opens its Webhooks tab.
 */
export function EndpointsTable({
  endpoints,
  appNames,
}: {
  endpoints: readonly WebhookEndpoint[];
  appNames?: ReadonlyMap<string, string>;
}) {
  return (
    <Table aria-label="Webhook endpoints">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">URL</TableHead>
          {appNames && <TableHead scope="col">App</TableHead>}
          <TableHead scope="col">Events</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col" className="text-right">
            Success (7 days)
          </TableHead>
          <TableHead scope="col">Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoints.map((endpoint) => (
          <TableRow key={endpoint.id} data-testid="webhook-endpoint-row">
            <TableCell className="max-w-md">
              <div className="flex min-w-0 flex-col">
                <Link
                  to="/webhooks/endpoints/$endpointId"
                  params={{ endpointId: endpoint.id }}
                  className="truncate font-medium font-mono text-sm underline-offset-4 hover:underline"
                  title={endpoint.url}
                >
                  {endpoint.url}
                </Link>
                {endpoint.description && (
                  <span className="truncate text-muted-foreground text-xs">{endpoint.description}</span>
                )}
              </div>
            </TableCell>
            {appNames && (
              <TableCell>
                <AppLink
                  href={`/tenancy/apps/${endpoint.appId}?tab=webhooks`}
                  className="underline-offset-4 hover:underline"
                >
                  {appNames.get(endpoint.appId) ?? endpoint.appId}
                </AppLink>
              </TableCell>
            )}
            <TableCell>
              <span
                title={endpoint.eventTypes.join(', ') || 'Every event type, including ones added later'}
                className="cursor-help underline decoration-dotted"
              >
                {subscribedEvents(endpoint)}
              </span>
            </TableCell>
            <TableCell>
              <div className="flex flex-col gap-1">
                <EndpointStatusBadge endpoint={endpoint} />
                {!endpoint.enabled && endpoint.disabledReason && (
                  <span className="max-w-56 text-muted-foreground text-xs">{endpoint.disabledReason}</span>
                )}
              </div>
            </TableCell>
            <TableCell className="text-right">
              <SuccessRate rate={endpoint.successRate7d} />
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {formatDateTime(new Date(endpoint.createdAt))}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
