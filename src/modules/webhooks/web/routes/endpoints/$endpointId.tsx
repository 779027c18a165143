import { useQueryClient } from '@tanstack/react-query';
import { createFileRoute, Link, useNavigate } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { Can, useCan } from '@web/lib/access';
import { formError } from '@web/lib/form-errors';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { ConfirmDialog } from '@web/ui/confirm-dialog';
import { Field } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { Switch } from '@web/ui/switch';
import { ChevronRightIcon, PencilIcon, TrashIcon } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { toast } from 'sonner';
import { WEBHOOKS_PERMISSIONS } from '../../../contract';
import { DeliveriesList } from '../../components/deliveries-list';
import { EndpointFormDialog } from '../../components/endpoint-form-dialog';
import { EndpointStatusBadge, subscribedEvents } from '../../components/endpoint-status';
import { ReplayDialog } from '../../components/replay-dialog';
import { SecretPanel } from '../../components/secret-panel';
import { SendTestDialog } from '../../components/send-test-dialog';
import { StatsPanel } from '../../components/stats-panel';
import {
  useAppSummary,
  useDeleteEndpoint,
  useDeliveries,
  useUpdateEndpoint,
  useWebhookEndpoint,
  type WebhookEndpoint,
} from '../../queries';

export const Route = createFileRoute('/webhooks/endpoints/$endpointId')({
  head: () => ({ meta: [{ title: 'Webhook endpoint · Atrium' }] }),
  component: EndpointPage,
});

function EndpointPage() {
  const { endpointId } = Route.useParams();
  const endpoint = useWebhookEndpoint(endpointId);
  const app = useAppSummary(endpoint.data?.appId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-muted-foreground text-sm">
        <ol className="flex min-w-0 items-center gap-1">
          <li>
            <Link to="/tenancy/apps" className="underline-offset-4 hover:text-foreground hover:underline">
              Apps
            </Link>
          </li>
          {endpoint.data && (
            <li className="flex min-w-0 items-center gap-1">
              <ChevronRightIcon className="size-3.5 shrink-0" aria-hidden="true" />
              <Link
                to="/tenancy/apps/$appId"
                params={{ appId: endpoint.data.appId }}
                search={{ tab: 'webhooks' }}
                className="truncate underline-offset-4 hover:text-foreground hover:underline"
              >
                {app.data?.name ?? 'App'} · Webhooks
              </Link>
            </li>
          )}
          <li aria-current="page" className="flex min-w-0 items-center gap-1 text-foreground">
            <ChevronRightIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="truncate">Endpoint</span>
          </li>
        </ol>
      </nav>
      {endpoint.isPending && <LoadingState label="Loading the endpoint…" />}
      {endpoint.isError && <EndpointError error={endpoint.error} onRetry={() => endpoint.refetch()} />}
      {endpoint.data && <EndpointDetail endpoint={endpoint.data} />}
    </>
  );
}

function EndpointError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ProblemError && error.status === 404) {
    return (
      <EmptyState
        title="Endpoint not found"
        description="It may have been deleted, or it belongs to another organisation."
        action={
          <Button asChild variant="outline">
            <Link to="/tenancy/apps">Back to apps</Link>
          </Button>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

function EndpointDetail({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [testEventId, setTestEventId] = useState<string | undefined>();
  return (
    <div className="flex flex-col gap-6">
      <EndpointHeader endpoint={endpoint} onTestSent={setTestEventId} />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <SecretPanel endpoint={endpoint} />
        <StatsPanel endpointId={endpoint.id} />
      </div>
      <EndpointDeliveries
        endpointId={endpoint.id}
        testEventId={testEventId}
        onTestSettled={() => setTestEventId(undefined)}
      />
    </div>
  );
}

function EndpointHeader({
  endpoint,
  onTestSent,
}: {
  endpoint: WebhookEndpoint;
  onTestSent: (eventId: string) => void;
}) {
  const mayWrite = useCan(WEBHOOKS_PERMISSIONS.write);
  const switchId = useId();
  const update = useUpdateEndpoint(endpoint.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useDeleteEndpoint(endpoint.id);
  const navigate = useNavigate();

  const setEnabled = (enabled: boolean) =>
    update.mutate(
      { enabled },
      {
        onSuccess: () => toast.success(enabled ? 'Endpoint enabled' : 'Endpoint disabled'),
        onError: (error) => toast.error('Could not change the endpoint', { description: formError(error) }),
      },
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-all font-mono font-semibold text-xl tracking-tight">{endpoint.url}</h1>
            <EndpointStatusBadge endpoint={endpoint} />
          </div>
          {endpoint.description && <p className="text-muted-foreground">{endpoint.description}</p>}
          <p className="text-muted-foreground text-sm">
            {subscribedEvents(endpoint)}
            {endpoint.rateLimitPerSecond ? ` · at most ${endpoint.rateLimitPerSecond} per second` : ''}
            {Object.keys(endpoint.headers).length > 0
              ? ` · custom headers: ${Object.keys(endpoint.headers).join(', ')}`
              : ''}
          </p>
          {!endpoint.enabled && endpoint.disabledReason && (
            <p role="status" className="text-red-700 text-sm dark:text-red-300">
              Atrium disabled this endpoint: {endpoint.disabledReason} Enabling it clears the failure state.
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {mayWrite && (
            <div className="mr-2 flex items-center gap-2">
              <Switch
                id={switchId}
                checked={endpoint.enabled}
                disabled={update.isPending}
                onCheckedChange={setEnabled}
              />
              <label htmlFor={switchId} className="font-medium text-sm">
                Enabled
              </label>
            </div>
          )}
          <Can permission={WEBHOOKS_PERMISSIONS.write}>
            <SendTestDialog endpoint={endpoint} onSent={onTestSent} />
            <Button variant="outline" onClick={() => setEditing(true)}>
              <PencilIcon aria-hidden="true" />
              Edit
            </Button>
            <Button variant="outline" onClick={() => setDeleting(true)}>
              <TrashIcon aria-hidden="true" />
              Delete
            </Button>
          </Can>
        </div>
      </div>
      <EndpointFormDialog mode={{ kind: 'edit', endpoint }} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={(next) => {
          setDeleting(next);
          if (!next) remove.reset();
        }}
        title="Delete this endpoint?"
        description="It stops receiving events at once, pending deliveries are dropped and its delivery history is deleted. This cannot be undone."
        confirmLabel="Delete endpoint"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => {
              toast.success('Endpoint deleted');
              void navigate({
                to: '/tenancy/apps/$appId',
                params: { appId: endpoint.appId },
                search: { tab: 'webhooks' },
              });
            },
          })
        }
      />
    </div>
  );
}

type Outcome = '' | 'success' | 'failed';

/**
 * The endpoint's attempts with an outcome filter and replay. After "Send test event" the list polls
 * until the test's first attempt shows up, then says how it went.
 */
function EndpointDeliveries({
  endpointId,
  testEventId,
  onTestSettled,
}: {
  endpointId: string;
  testEventId: string | undefined;
  onTestSettled: () => void;
}) {
  const [status, setStatus] = useState<Outcome>('');
  const deliveries = useDeliveries(
    { endpointId, ...(status ? { status } : {}) },
    { scope: 'endpoint', watch: Boolean(testEventId) },
  );
  const queryClient = useQueryClient();
  const testAttempt = testEventId
    ? deliveries.data?.pages.flatMap((page) => page.data).find((attempt) => attempt.eventId === testEventId)
    : undefined;

  useEffect(() => {
    if (!testAttempt) return;
    if (testAttempt.status === 'success') {
      toast.success('Test event delivered', {
        description: `The endpoint answered ${testAttempt.statusCode} in ${testAttempt.latencyMs} ms.`,
      });
    } else {
      toast.error('Test event failed', {
        description: testAttempt.statusCode
          ? `The endpoint answered ${testAttempt.statusCode}.`
          : (testAttempt.error ?? 'No answer.'),
      });
    }
    onTestSettled();
    void queryClient.invalidateQueries({ queryKey: ['webhooks', 'endpoints'] });
  }, [testAttempt, onTestSettled, queryClient]);

  return (
    <section aria-labelledby="deliveries-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="deliveries-heading" className="font-semibold text-lg">
            Deliveries
          </h2>
          {testEventId && (
            <p role="status" className="text-muted-foreground text-sm">
              Test event queued; waiting for the first attempt…
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Outcome" className="w-40">
            <NativeSelect value={status} onChange={(event) => setStatus(event.target.value as Outcome)}>
              <option value="">Any outcome</option>
              <option value="success">Delivered</option>
              <option value="failed">Failed</option>
            </NativeSelect>
          </Field>
          <Can permission={WEBHOOKS_PERMISSIONS.write}>
            <ReplayDialog endpointId={endpointId} />
          </Can>
        </div>
      </div>
      <DeliveriesList
        deliveries={deliveries}
        filtered={Boolean(status)}
        emptyDescription="Each attempt to deliver an event to this endpoint appears here. Send a test event to see one."
      />
    </section>
  );
}
