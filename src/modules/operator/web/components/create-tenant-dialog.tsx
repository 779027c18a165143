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
import { SelectField, TextField } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { LoaderCircleIcon, PlusIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { TENANT_TIERS, TENANT_TYPES } from '../../../tenancy/contract';
import { type CreateTenantInput, useCreateTenant } from '../queries';

const EMPTY: CreateTenantInput = { name: '', type: 'other', tier: 'free', ownerEmail: '' };

/** "Create tenant": the organisation and the address its first Owner is invited at. */
export function CreateTenantDialog() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<CreateTenantInput>(EMPTY);
  const create = useCreateTenant();
  const errors = fieldErrors(create.error);
  const toggle = (next: boolean) => {
    setOpen(next);
    if (next) return;
    setForm(EMPTY);
    create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { ...form, name: form.name.trim(), ownerEmail: form.ownerEmail.trim() },
      {
        onSuccess: () => {
          toast.success(`${form.name.trim()} created; its Owner invitation is on its way.`);
          toggle(false);
        },
      },
    );
  };
  return (
    <>
      <Button onClick={() => toggle(true)}>
        <PlusIcon aria-hidden="true" />
        Create tenant
      </Button>
      <Dialog open={open} onOpenChange={toggle}>
        <DialogContent>
          <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
            <DialogHeader>
              <DialogTitle>Create a tenant</DialogTitle>
              <DialogDescription>
                The first Owner gets an invitation by mail; the tenant is theirs once they accept it.
              </DialogDescription>
            </DialogHeader>
            <TextField
              label="Organisation name"
              required
              value={form.name}
              error={errors.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
            />
            <div className="grid grid-cols-2 gap-3">
              <SelectField
                label="Type"
                options={TENANT_TYPES}
                value={form.type}
                onChange={(event) =>
                  setForm({ ...form, type: event.target.value as CreateTenantInput['type'] })
                }
              />
              <SelectField
                label="Tier"
                options={TENANT_TIERS}
                value={form.tier}
                onChange={(event) =>
                  setForm({ ...form, tier: event.target.value as CreateTenantInput['tier'] })
                }
              />
            </div>
            <TextField
              label="First Owner's email"
              type="email"
              required
              autoComplete="off"
              placeholder="name@partner.com"
              value={form.ownerEmail}
              error={errors.ownerEmail}
              onChange={(event) => setForm({ ...form, ownerEmail: event.target.value })}
            />
            <FormAlert message={formError(create.error, errors)} />
            <DialogFooter>
              <Button variant="outline" type="button" onClick={() => toggle(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
                Create and invite
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
