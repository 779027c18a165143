import { fieldErrors, formError } from '@web/lib/form-errors';
import { toLocalInput } from '@web/lib/time';
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
import { HistoryIcon, LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { WEBHOOK_HISTORY_DAYS } from '../../contract';
import { useReplayEndpoint } from '../queries';

const DAY_MS = 86_400_000;

/** "Replay failed since…": every failed delivery from that time on is queued again. */
export function ReplayDialog({ endpointId }: { endpointId: string }) {
  const [open, setOpen] = useState(false);
  const [since, setSince] = useState('');
  const replay = useReplayEndpoint(endpointId);
  const errors = fieldErrors(replay.error);
  const close = (next: boolean) => {
    setOpen(next);
    if (next) setSince(toLocalInput(new Date(Date.now() - DAY_MS).toISOString()) ?? '');
    else replay.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    replay.mutate(new Date(since).toISOString(), {
      onSuccess: ({ count }) => {
        toast.success(
          count === 0 ? 'Nothing to replay' : `${count} deliver${count === 1 ? 'y' : 'ies'} queued again`,
        );
        close(false);
      },
    });
  };
  const now = toLocalInput(new Date().toISOString());
  const earliest = toLocalInput(new Date(Date.now() - WEBHOOK_HISTORY_DAYS * DAY_MS).toISOString());
  return (
    <>
      <Button variant="outline" onClick={() => close(true)}>
        <HistoryIcon aria-hidden="true" />
        Replay failed…
      </Button>
      <Dialog open={open} onOpenChange={close}>
        <DialogContent>
          <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>Replay failed deliveries</DialogTitle>
              <DialogDescription>
                Every delivery to this endpoint that failed since this time is sent again, with its original{' '}
                <code className="font-mono">webhook-id</code>. At most {WEBHOOK_HISTORY_DAYS} days back.
              </DialogDescription>
            </DialogHeader>
            <TextField
              label="Failed since"
              name="since"
              type="datetime-local"
              required
              min={earliest}
              max={now}
              value={since}
              error={errors.since}
              onChange={(event) => setSince(event.target.value)}
            />
            <FormAlert message={formError(replay.error, errors)} />
            <DialogFooter>
              <Button variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={replay.isPending || !since}>
                {replay.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Replay
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
