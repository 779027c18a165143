import { useAccess } from '@web/lib/access';
import { fieldErrors, formError } from '@web/lib/form-errors';
import { Button } from '@web/ui/button';
import { Checkbox } from '@web/ui/checkbox';
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
import { Input } from '@web/ui/input';
import { LoaderCircleIcon, PlusIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useCreateApiKey } from '../queries';
import { SecretReveal } from './secret-reveal';

/** "Create key": label, scopes, optional expiry and rate limit; then the secret, once. */
export function CreateKeyDialog({ appId }: { appId: string }) {
  const access = useAccess();
  const held = (access.data?.permissions ?? []).filter((permission) => !permission.startsWith('operator'));
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [rateLimit, setRateLimit] = useState('');
  const [secret, setSecret] = useState<string | undefined>();
  const create = useCreateApiKey();
  const errors = fieldErrors(create.error);

  const reset = (next: boolean) => {
    setOpen(next);
    if (next) return;
    setLabel('');
    setScopes([]);
    setExpiresOn('');
    setRateLimit('');
    setSecret(undefined);
    create.reset();
  };
  const toggle = (scope: string, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        appId,
        label: label.trim(),
        scopes,
        ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T00:00:00Z`).toISOString() } : {}),
        ...(rateLimit ? { rateLimitPerMinute: Number(rateLimit) } : {}),
      },
      { onSuccess: (key) => setSecret(key.secret) },
    );
  };

  return (
    <>
      <Button onClick={() => reset(true)}>
        <PlusIcon aria-hidden="true" />
        Create key
      </Button>
      <Dialog open={open} onOpenChange={reset}>
        <DialogContent>
          {secret ? (
            <div className="flex flex-col gap-4">
              <DialogHeader>
                <DialogTitle>Your new API key</DialogTitle>
                <DialogDescription>
                  Send it from your servers as <code className="font-mono">Authorization: Bearer …</code>
                </DialogDescription>
              </DialogHeader>
              <SecretReveal secret={secret} />
              <DialogFooter>
                <Button onClick={() => reset(false)}>Done</Button>
              </DialogFooter>
            </div>
          ) : (
            <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
              <DialogHeader>
                <DialogTitle>Create an API key</DialogTitle>
                <DialogDescription>
                  A key can do at most what you can do. The secret is shown once, right after.
                </DialogDescription>
              </DialogHeader>
              <Field label="Label" error={errors.label}>
                <Input
                  name="label"
                  autoComplete="off"
                  required
                  placeholder="Issuing backend, server 1"
                  value={label}
                  onChange={(event) => setLabel(event.target.value)}
                />
              </Field>
              <fieldset className="flex flex-col gap-2">
                <legend className="mb-1 font-medium text-sm">Scopes</legend>
                <div className="grid max-h-48 grid-cols-2 gap-2 overflow-y-auto">
                  {held.map((scope) => (
                    <div key={scope} className="flex items-center gap-2 font-mono text-xs">
                      <Checkbox
                        id={`scope-${scope}`}
                        checked={scopes.includes(scope)}
                        onCheckedChange={(checked) => toggle(scope, checked === true)}
                      />
                      <label htmlFor={`scope-${scope}`}>{scope}</label>
                    </div>
                  ))}
                </div>
                {errors.scopes && <p className="text-destructive text-xs">{errors.scopes}</p>}
              </fieldset>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Expires on (optional)" error={errors.expiresAt}>
                  <Input
                    type="date"
                    name="expiresOn"
                    value={expiresOn}
                    onChange={(event) => setExpiresOn(event.target.value)}
                  />
                </Field>
                <Field label="Rate limit per minute (optional)" error={errors.rateLimitPerMinute}>
                  <Input
                    type="number"
                    name="rateLimit"
                    min={1}
                    max={100000}
                    value={rateLimit}
                    onChange={(event) => setRateLimit(event.target.value)}
                  />
                </Field>
              </div>
              <FormAlert message={formError(create.error, errors)} />
              <DialogFooter>
                <Button variant="outline" onClick={() => reset(false)}>
                  Cancel
                </Button>
                <Button type="submit" disabled={create.isPending || scopes.length === 0 || !label.trim()}>
                  {create.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                  Create key
                </Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
