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
import { Input, Textarea } from '@web/ui/input';
import { LoaderCircleIcon } from 'lucide-react';
import { type FormEvent, useId, useState } from 'react';
import { toast } from 'sonner';
import { groupByResource } from '../permission-groups';
import { type Permission, type Role, useCreateRole, useUpdateRole } from '../queries';

interface RoleEditorDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The custom role to edit; absent to create one. */
  role?: Role | undefined;
  catalogue: readonly Permission[];
}

/** A custom role's name, description and permissions, checked from the catalogue. */
export function RoleEditorDialog({ open, onOpenChange, role, catalogue }: RoleEditorDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        {/* Remounted per opening, so the form starts from the role as it is now. */}
        {open && <RoleForm role={role} catalogue={catalogue} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function RoleForm({
  role,
  catalogue,
  onDone,
}: {
  role?: Role | undefined;
  catalogue: readonly Permission[];
  onDone: () => void;
}) {
  const held = new Set(useAccess().data?.permissions ?? []);
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [chosen, setChosen] = useState(() => new Set(role?.permissions ?? []));
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const errors = fieldErrors(mutation.error);
  const idPrefix = useId();

  const toggle = (permission: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), description: description.trim(), permissions: [...chosen] };
    const done = (saved: Role) => {
      toast.success(role ? `${saved.name} was saved` : `${saved.name} was created`);
      onDone();
    };
    if (role) update.mutate({ roleId: role.id, ...body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
      <DialogHeader>
        <DialogTitle>{role ? `Edit ${role.name}` : 'New custom role'}</DialogTitle>
        <DialogDescription>
          Pick what the role may do. Members holding it get the change on their next request. You can only
          grant permissions you hold yourself.
        </DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={errors.name}>
          <Input
            name="name"
            required
            maxLength={50}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field label="Description" error={errors.description}>
          <Textarea
            name="description"
            rows={1}
            maxLength={200}
            className="min-h-9"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 font-medium text-sm">
          Permissions <span className="font-normal text-muted-foreground">({chosen.size} selected)</span>
        </legend>
        <div className="grid max-h-[45dvh] gap-4 overflow-y-auto rounded-md border p-3 sm:grid-cols-2">
          {groupByResource(catalogue).map((group) => (
            <div key={group.resource} className="flex flex-col gap-2">
              <p className="font-semibold text-muted-foreground text-xs uppercase tracking-wide">
                {group.title}
              </p>
              {group.permissions.map((permission) => {
                const id = `${idPrefix}-${permission.name}`;
                const grantable = held.has(permission.name) || chosen.has(permission.name);
                return (
                  <div key={permission.name} className="flex items-start gap-2">
                    <Checkbox
                      id={id}
                      className="mt-0.5"
                      checked={chosen.has(permission.name)}
                      disabled={!grantable}
                      onCheckedChange={(checked) => toggle(permission.name, checked === true)}
                    />
                    <label htmlFor={id} className="flex flex-col text-sm leading-tight">
                      <code className="font-mono text-xs">{permission.name}</code>
                      <span className="text-muted-foreground text-xs">
                        {permission.description}
                        {!grantable && ' You do not hold this permission.'}
                      </span>
                    </label>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </fieldset>
      <FormAlert message={formError(mutation.error, errors)} />
      <DialogFooter>
        <Button variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
          {role ? 'Save role' : 'Create role'}
        </Button>
      </DialogFooter>
    </form>
  );
}
