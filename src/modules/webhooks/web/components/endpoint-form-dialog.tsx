import { useNavigate } from '@tanstack/react-router';
import { fieldErrors, formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@web/ui/dialog';
import { TextField } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { useCreateEndpoint, useUpdateEndpoint, type WebhookEndpoint } from '../queries';
import { EventTypePicker } from './event-type-picker';
import { type HeaderRow, HeadersEditor, headerMap, headerRows } from './headers-editor';

interface Fields {
  url: string;
  description: string;
  eventTypes: string[];
  headers: HeaderRow[];
  rateLimit: string;
}

function initialFields(endpoint?: WebhookEndpoint): Fields {
  return {
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
    eventTypes: endpoint?.eventTypes ?? [],
    headers: headerRows(endpoint?.headers ?? {}),
    rateLimit: endpoint?.rateLimitPerSecond ? String(endpoint.rateLimitPerSecond) : '',
  };
}

type Mode = { kind: 'create'; appId: string } | { kind: 'edit'; endpoint: WebhookEndpoint };

interface EndpointFormDialogProps {
  mode: Mode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Add or edit an endpoint. The server checks the URL (and refuses internal hosts) on the `url` field. */
export function EndpointFormDialog(props: EndpointFormDialogProps) {
  // Remounted on each opening, so the fields start from the endpoint as it is now.
  return props.open ? <EndpointForm {...props} /> : null;
}

function EndpointForm({ mode, open, onOpenChange }: EndpointFormDialogProps) {
  const navigate = useNavigate();
  const endpoint = mode.kind === 'edit' ? mode.endpoint : undefined;
  const [fields, setFields] = useState<Fields>(() => initialFields(endpoint));
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint(endpoint?.id ?? '');
  const mutation = mode.kind === 'create' ? create : update;
  const errors = fieldErrors(mutation.error);
  const set = (change: Partial<Fields>) => setFields((current) => ({ ...current, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      url: fields.url.trim(),
      description: fields.description.trim(),
      eventTypes: fields.eventTypes,
      headers: headerMap(fields.headers),
      rateLimitPerSecond: fields.rateLimit ? Number(fields.rateLimit) : null,
    };
    if (mode.kind === 'create') {
      create.mutate(
        { appId: mode.appId, enabled: true, ...body },
        {
          onSuccess: (created) => {
            toast.success('Endpoint added', { description: created.url });
            onOpenChange(false);
            void navigate({
              to: '/webhooks/endpoints/$endpointId',
              params: { endpointId: created.id },
            });
          },
        },
      );
    } else {
      update.mutate(body, {
        onSuccess: () => {
          toast.success('Endpoint saved');
          onOpenChange(false);
        },
      });
    }
  };

  const eventTypeError = Object.entries(errors).find(([path]) => path.startsWith('eventTypes'))?.[1];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl">
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>{mode.kind === 'create' ? 'Add an endpoint' : 'Edit the endpoint'}</DialogTitle>
            <DialogDescription>
              Atrium POSTs each event to this URL, signed per Standard Webhooks, and retries a failed delivery
              up to 8 times over about a day. Delivery order is not guaranteed: use each event’s timestamp.
            </DialogDescription>
          </DialogHeader>
          <TextField
            label="Endpoint URL"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            required
            placeholder="https://hooks.example.com/atrium"
            value={fields.url}
            error={errors.url}
            hint="https:// for a production app. Internal addresses (loopback, private networks, cloud metadata) are refused."
            onChange={(event) => set({ url: event.target.value })}
          />
          <TextField
            label="Description (optional)"
            name="description"
            autoComplete="off"
            placeholder="Card events for the issuing backend"
            value={fields.description}
            error={errors.description}
            onChange={(event) => set({ description: event.target.value })}
          />
          <EventTypePicker
            value={fields.eventTypes}
            onChange={(eventTypes) => set({ eventTypes })}
            error={eventTypeError}
          />
          <HeadersEditor rows={fields.headers} onChange={(headers) => set({ headers })} errors={errors} />
          <TextField
            label="Rate limit per second (optional)"
            name="rateLimit"
            type="number"
            min={1}
            max={10000}
            value={fields.rateLimit}
            error={errors.rateLimitPerSecond}
            hint="Deliveries beyond it wait their turn. Empty: no limit."
            onChange={(event) => set({ rateLimit: event.target.value })}
            className="sm:max-w-64"
          />
          <FormAlert message={formError(mutation.error, errors)} />
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={mutation.isPending || !fields.url.trim()}>
              {mutation.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
              {mode.kind === 'create' ? 'Add endpoint' : 'Save endpoint'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
