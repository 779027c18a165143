import { Link } from '@tanstack/react-router';
import { useCan } from '@web/lib/access';
import { formError } from '@web/lib/form-errors';
import { formatDateTime } from '@web/lib/time';
import { useOpenRows } from '@web/lib/use-open-rows';
import { Button } from '@web/ui/button';
import { StatusBadge } from '@web/ui/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ChevronDownIcon, ChevronRightIcon, LoaderCircleIcon, RotateCwIcon } from 'lucide-react';
import { Fragment, type ReactNode } from 'react';
import { toast } from 'sonner';
import { WEBHOOKS_PERMISSIONS } from '../../contract';
import { useRetryDelivery, useWebhookEndpoints, type WebhookAttempt } from '../queries';

interface DeliveriesTableProps {
  attempts: readonly WebhookAttempt[];
  /** Tenant-wide logs show which endpoint each attempt went to. */
  showEndpoint?: boolean;
}

/** Delivery attempts as table rows; a row opens to show the payload sent and the answer. */
export function DeliveriesTable({ attempts, showEndpoint = false }: DeliveriesTableProps) {
  const { isOpen, toggle } = useOpenRows();
  const mayRetry = useCan(WEBHOOKS_PERMISSIONS.write);
  const columns = 6 + (showEndpoint ? 1 : 0) + (mayRetry ? 1 : 0);

  return (
    <Table aria-label="Webhook deliveries">
      <TableHeader>
        <TableRow>
          <TableHead scope="col" className="w-10">
            <span className="sr-only">Details</span>
          </TableHead>
          <TableHead scope="col">Time</TableHead>
          <TableHead scope="col">Event</TableHead>
          {showEndpoint && <TableHead scope="col">Endpoint</TableHead>}
          <TableHead scope="col" className="text-right">
            Attempt
          </TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col" className="text-right">
            Latency
          </TableHead>
          {mayRetry && (
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {attempts.map((attempt) => {
          const expanded = isOpen(attempt.id);
          const detailsId = `delivery-details-${attempt.id}`;
          return (
            <Fragment key={attempt.id}>
              <TableRow
                data-state={expanded ? 'open' : 'closed'}
                data-testid="webhook-delivery-row"
                data-outcome={attempt.status}
              >
                <TableCell>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    aria-label={`Details of ${attempt.eventType} attempt ${attempt.attempt} at ${attempt.createdAt}`}
                    onClick={() => toggle(attempt.id)}
                  >
                    {expanded ? (
                      <ChevronDownIcon aria-hidden="true" />
                    ) : (
                      <ChevronRightIcon aria-hidden="true" />
                    )}
                  </Button>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={attempt.createdAt}>{formatDateTime(new Date(attempt.createdAt))}</time>
                </TableCell>
                <TableCell className="font-mono text-xs">{attempt.eventType}</TableCell>
                {showEndpoint && (
                  <TableCell className="max-w-64 truncate font-mono text-xs">
                    <EndpointLink endpointId={attempt.endpointId} />
                  </TableCell>
                )}
                <TableCell className="text-right tabular-nums">{attempt.attempt}</TableCell>
                <TableCell>
                  <span className="flex items-center gap-2">
                    <StatusBadge status={attempt.statusCode} />
                    <span className="sr-only">{attempt.status === 'success' ? 'Delivered' : 'Failed'}</span>
                  </span>
                </TableCell>
                <TableCell className="whitespace-nowrap text-right tabular-nums">
                  {attempt.latencyMs} ms
                </TableCell>
                {mayRetry && (
                  <TableCell className="text-right">
                    {attempt.status === 'failed' && <RetryButton attempt={attempt} />}
                  </TableCell>
                )}
              </TableRow>
              {expanded && (
                <TableRow id={detailsId} className="bg-muted/30 hover:bg-muted/30">
                  <TableCell />
                  <TableCell colSpan={columns - 1} className="py-4">
                    <DeliveryDetails attempt={attempt} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** An endpoint by its URL (from the cached endpoint list), linking to its page. */
function EndpointLink({ endpointId }: { endpointId: string }) {
  const endpoints = useWebhookEndpoints();
  const url = endpoints.data?.find((endpoint) => endpoint.id === endpointId)?.url;
  return (
    <Link
      to="/webhooks/endpoints/$endpointId"
      params={{ endpointId }}
      title={url ?? endpointId}
      className="underline-offset-4 hover:underline"
    >
      {url ?? endpointId}
    </Link>
  );
}

function RetryButton({ attempt }: { attempt: WebhookAttempt }) {
  const retry = useRetryDelivery();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={retry.isPending}
      aria-label={`Retry the ${attempt.eventType} delivery`}
      onClick={() =>
        retry.mutate(attempt.deliveryId, {
          onSuccess: () =>
            toast.success('Retry queued', { description: 'A new attempt appears here once it is made.' }),
          onError: (error) => toast.error('Could not retry', { description: formError(error) }),
        })
      }
    >
      {retry.isPending ? (
        <LoaderCircleIcon className="animate-spin" aria-hidden="true" />
      ) : (
        <RotateCwIcon aria-hidden="true" />
      )}
      Retry
    </Button>
  );
}

/** An opened row: ids, the error if any, the payload as sent and the (truncated) answer. */
function DeliveryDetails({ attempt }: { attempt: WebhookAttempt }) {
  const facts: [string, string | null][] = [
    ['Message (webhook-id)', attempt.deliveryId],
    ['Event', attempt.eventId],
    ['Endpoint', attempt.endpointId],
    ['App', attempt.appId],
    ['Error', attempt.error],
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([term, value]) => (
            <Fragment key={term}>
              <dt className="text-muted-foreground">{term}</dt>
              <dd className="break-all font-mono">{value}</dd>
            </Fragment>
          ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="Request payload">
          <Body body={attempt.requestPayload} />
        </Section>
        <Section title="Response body">
          <Body body={attempt.responseBody} note="Truncated to 4 KiB." />
        </Section>
      </div>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex min-w-0 flex-col gap-2">
      <h3 className="font-medium text-sm">{title}</h3>
      {children}
    </section>
  );
}

function Body({ body, note }: { body: string | null; note?: string }) {
  if (!body) return <p className="text-muted-foreground text-xs">No body.</p>;
  return (
    <>
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-background p-2 font-mono text-xs">
        {pretty(body)}
      </pre>
      {note && <p className="text-muted-foreground text-xs">{note}</p>}
    </>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
