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
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { type ApiKey, useRotateApiKey } from '../queries';
import { SecretReveal } from './secret-reveal';

const GRACE_DAYS = [0, 1, 2, 3, 4, 5, 6, 7];

/** Rotate: pick how long the old key keeps working, then see the new secret once. */
export function RotateKeyDialog({
  apiKey,
  open,
  onOpenChange,
}: {
  apiKey: ApiKey;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [graceDays, setGraceDays] = useState(1);
  const [secret, setSecret] = useState<string | undefined>();
  const rotate = useRotateApiKey();
  const close = (next: boolean) => {
    onOpenChange(next);
    if (next) return;
    setSecret(undefined);
    setGraceDays(1);
    rotate.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate({ keyId: apiKey.id, graceDays }, { onSuccess: (key) => setSecret(key.secret) });
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        {secret ? (
          <div className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>The new key for “{apiKey.label}”</DialogTitle>
              <DialogDescription>
                Put it in place of the old one before the grace period ends.
              </DialogDescription>
            </DialogHeader>
            <SecretReveal secret={secret} />
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form className="flex flex-col gap-4" onSubmit={submit}>
            <DialogHeader>
              <DialogTitle>Rotate “{apiKey.label}”</DialogTitle>
              <DialogDescription>
                A new key with the same scopes, expiry and rate limit replaces this one. The old key keeps
                working during the grace period, so you can deploy the new one without downtime; 0 days
                revokes it at once.
              </DialogDescription>
            </DialogHeader>
            <Field label="Grace period">
              <NativeSelect
                name="graceDays"
                value={String(graceDays)}
                onChange={(event) => setGraceDays(Number(event.target.value))}
              >
                {GRACE_DAYS.map((days) => (
                  <option key={days} value={days}>
                    {days === 0 ? 'None: revoke the old key now' : `${days} day${days === 1 ? '' : 's'}`}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <FormAlert message={formError(rotate.error)} />
            <DialogFooter>
              <Button variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={rotate.isPending}>
                {rotate.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Rotate key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
