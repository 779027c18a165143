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
import { type Customer, useUpdateCustomer } from '../../queries-customers';

interface EditCustomerDialogProps {
  customer: Customer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Edit a customer's details; an emptied field is cleared. The server's field errors show under each field. */
export function EditCustomerDialog(props: EditCustomerDialogProps) {
  // Remounted on each opening, so the fields start from the customer as it is now.
  return props.open ? <EditCustomerForm {...props} /> : null;
}

function EditCustomerForm({ customer, open, onOpenChange }: EditCustomerDialogProps) {
  const [fields, setFields] = useState({
    displayName: customer.displayName ?? '',
    birthYear: customer.birthYear ? String(customer.birthYear) : '',
    gender: customer.gender ?? '',
    region: customer.region ?? '',
  });
  const update = useUpdateCustomer(customer.id);
  const errors = fieldErrors(update.error);
  const set = (change: Partial<typeof fields>) => setFields((current) => ({ ...current, ...change }));
  const text = (value: string) => (value.trim() ? value.trim() : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = fields.birthYear.trim();
    update.mutate(
      {
        displayName: text(fields.displayName),
        // A non-number goes as it is typed, so the server's field error names it.
        birthYear: year
          ? Number.isInteger(Number(year))
            ? Number(year)
            : (year as unknown as number)
          : null,
        gender: text(fields.gender),
        region: text(fields.region),
      },
      {
        onSuccess: () => {
          toast.success('Customer saved');
          onOpenChange(false);
        },
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form className="flex flex-col gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>Edit details</DialogTitle>
            <DialogDescription>
              Labels for people and the demographics behind the dashboard’s overlays. The analysis does not
              use them.
            </DialogDescription>
          </DialogHeader>
          <TextField
            label="Display name"
            name="displayName"
            autoComplete="off"
            value={fields.displayName}
            error={errors.displayName}
            onChange={(event) => set({ displayName: event.target.value })}
          />
          <TextField
            label="Birth year"
            name="birthYear"
            inputMode="numeric"
            value={fields.birthYear}
            error={errors.birthYear}
            hint="Gives the age band."
            onChange={(event) => set({ birthYear: event.target.value })}
          />
          <TextField
            label="Gender"
            name="gender"
            autoComplete="off"
            value={fields.gender}
            error={errors.gender}
            hint="e.g. female, male, non_binary, unknown"
            onChange={(event) => set({ gender: event.target.value })}
          />
          <TextField
            label="Region"
            name="region"
            autoComplete="off"
            value={fields.region}
            error={errors.region}
            onChange={(event) => set({ region: event.target.value })}
          />
          <FormAlert message={formError(update.error, errors)} />
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
