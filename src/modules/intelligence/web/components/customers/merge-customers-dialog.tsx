import { formError } from '@web/lib/form-errors';
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
import { TextField } from '@web/ui/field';
import { FormAlert } from '@web/ui/form-alert';
import { LoaderCircleIcon } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { toast } from 'sonner';
import {
  type Customer,
  type CustomerRow,
  useCustomerSearch,
  useMergeCustomers,
} from '../../queries-customers';

interface MergeDialogProps {
  customer: Customer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Find duplicates of this customer and fold them into it. */
export function MergeCustomersDialog(props: MergeDialogProps) {
  return props.open ? <MergeForm {...props} /> : null;
}

function MergeForm({ customer, open, onOpenChange }: MergeDialogProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useCustomerSearch(deferred);
  const [picked, setPicked] = useState<Map<string, CustomerRow>>(new Map());
  const merge = useMergeCustomers(customer.id);
  const candidates = (results.data ?? []).filter((row) => row.id !== customer.id);

  const toggle = (row: CustomerRow, on: boolean) =>
    setPicked((current) => {
      const next = new Map(current);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });

  const submit = () =>
    merge.mutate([...picked.keys()], {
      onSuccess: (result) => {
        toast.success('Customers merged', {
          description: `${result.transactionsMoved} transactions moved, ${result.transactionsAlreadyHeld} already held. A new analysis is on its way.`,
        });
        onOpenChange(false);
      },
    });

  const shown = [...picked.values(), ...candidates.filter((row) => !picked.has(row.id))];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Merge duplicates</DialogTitle>
          <DialogDescription>
            Their transactions and statements move to {customer.displayName ?? customer.externalRef}; a
            transaction both hold is kept once. Each duplicate keeps its history and is hidden from the
            customer list. Recorded in the audit log.
          </DialogDescription>
        </DialogHeader>
        <TextField
          label="Find duplicates"
          type="search"
          placeholder="Id, reference or name"
          autoComplete="off"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ul aria-label="Duplicate candidates" className="flex max-h-64 flex-col gap-1 overflow-y-auto">
          {shown.map((row) => {
            const id = `merge-${row.id}`;
            return (
              <li key={row.id} className="flex items-center gap-2 rounded-md px-2 py-1.5 hover:bg-muted/50">
                <Checkbox
                  id={id}
                  checked={picked.has(row.id)}
                  onCheckedChange={(on) => toggle(row, on === true)}
                />
                <label htmlFor={id} className="flex min-w-0 flex-col text-sm">
                  <span className="truncate font-medium">{row.displayName ?? row.externalRef}</span>
                  <span className="truncate font-mono text-muted-foreground text-xs">
                    {row.externalRef} · {row.transactionCount} transactions
                  </span>
                </label>
              </li>
            );
          })}
          {deferred.trim() && results.isSuccess && candidates.length === 0 && (
            <li className="px-2 py-1.5 text-muted-foreground text-sm">No other customer matches.</li>
          )}
        </ul>
        <FormAlert message={formError(merge.error)} />
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={picked.size === 0 || merge.isPending}>
            {merge.isPending && <LoaderCircleIcon className="animate-spin" aria-hidden="true" />}
            Merge {picked.size > 0 ? picked.size : ''} into this customer
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
