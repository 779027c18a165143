import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@web/ui/card';
import { CheckIcon, ChevronDownIcon, ChevronRightIcon, CopyIcon } from 'lucide-react';
import { useId, useState } from 'react';
import { groupEventTypes } from '../components/event-type-picker';
import { useEventTypes, type WebhookEventType } from '../queries';

export const Route = createFileRoute('/webhooks/event-types')({
  head: () => ({ meta: [{ title: 'Event catalogue · Atrium' }] }),
  component: EventCataloguePage,
});

function EventCataloguePage() {
  const catalogue = useEventTypes();
  return (
    <>
      <PageHeader
        title="Event catalogue"
        description="Every event Atrium can send to your webhook endpoints, with the JSON Schema of its data and an example. Each delivery is a JSON body { id, type, timestamp, data }, signed per Standard Webhooks."
      />
      {catalogue.isPending && <LoadingState label="Loading the event catalogue…" />}
      {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => catalogue.refetch()} />}
      {catalogue.data?.length === 0 && (
        <EmptyState title="No event types" description="None of the enabled modules emits events." />
      )}
      {catalogue.data && catalogue.data.length > 0 && (
        <div className="flex flex-col gap-8">
          {groupEventTypes(catalogue.data).map(([prefix, types]) => (
            <section key={prefix} aria-labelledby={`events-${prefix}`} className="flex flex-col gap-3">
              <h2 id={`events-${prefix}`} className="font-mono font-semibold text-lg">
                {prefix}
              </h2>
              {types.map((type) => (
                <EventTypeCard key={type.type} eventType={type} />
              ))}
            </section>
          ))}
        </div>
      )}
    </>
  );
}

function EventTypeCard({ eventType }: { eventType: WebhookEventType }) {
  return (
    <Card data-testid="event-type" className="gap-3">
      <CardHeader>
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle className="font-mono text-base">{eventType.type}</CardTitle>
          <Badge variant="outline" title="The module that emits it">
            {eventType.module}
          </Badge>
        </div>
        <CardDescription>{eventType.description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2">
        <JsonBlock title="Example data" value={eventType.example} label={eventType.type} />
        <JsonBlock title="JSON Schema" value={eventType.schema} label={eventType.type} />
      </CardContent>
    </Card>
  );
}

/** A collapsible, copyable block of pretty-printed JSON. */
function JsonBlock({ title, value, label }: { title: string; value: unknown; label: string }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const id = useId();
  const text = JSON.stringify(value, null, 2);
  const copy = async () => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <Button
          variant="ghost"
          size="sm"
          className="-ml-2"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDownIcon aria-hidden="true" /> : <ChevronRightIcon aria-hidden="true" />}
          {title}
        </Button>
        {open && (
          <Button variant="ghost" size="sm" onClick={copy} aria-label={`Copy the ${title} of ${label}`}>
            {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </div>
      {open && (
        <pre
          id={id}
          className="max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed"
        >
          {text}
        </pre>
      )}
    </div>
  );
}
