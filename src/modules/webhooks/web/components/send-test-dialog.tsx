import { formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@web/ui/dialog';
import { Field } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { NativeSelect } from '@web/ui/input';
import { LoaderCircleIcon, SendIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useEventTypes, useSendTestEvent, type WebhookEndpoint } from '../queries';

interface SendTestDialogProps {
  endpoint: WebhookEndpoint;
  /** The queued test event's id: the page watches its deliveries for the outcome. */
  onSent: (eventId: string) => void;
}

/** "Send test event": pick the event type it stands for, then a `webhook.test` goes to this endpoint only. */
export function SendTestDialog({ endpoint, onSent }: SendTestDialogProps) {
  const [open, setOpen] = useState(false);
  const [eventType, setEventType] = useState('');
  const catalogue = useEventTypes();
  const send = useSendTestEvent(endpoint.id);
  const choices = (catalogue.data ?? []).filter(
    (type) => endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(type.type),
  );
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) send.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(eventType || undefined, {
      onSuccess: ({ eventId }) => {
        onSent(eventId);
        close(false);
      },
    });
  };
  return (
    <>
      <Button
        onClick={() => close(true)}
        disabled={!endpoint.enabled}
        title={endpoint.enabled ? undefined : 'Enable the endpoint first'}
      >
        <SendIcon aria-hidden="true" />
        Send test event
      </Button>
      <Dialog open={open} onOpenChange={close}>
        <DialogContent>
          <form className="flex flex-col gap-4" onSubmit={submit}>
            <DialogHeader>
              <DialogTitle>Send a test event</DialogTitle>
              <DialogDescription>
                A <code className="font-mono">webhook.test</code> event goes to this endpoint only, signed and
                logged like any delivery. Its data names the event type you pick.
              </DialogDescription>
            </DialogHeader>
            <Field label="Event type">
              <NativeSelect
                name="eventType"
                value={eventType}
                onChange={(event) => setEventType(event.target.value)}
              >
                <option value="">Any (a plain test)</option>
                {choices.map((type) => (
                  <option key={type.type} value={type.type}>
                    {type.type}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <FormAlert message={formError(send.error)} />
            <DialogFooter>
              <Button variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={send.isPending}>
                {send.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Send
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
