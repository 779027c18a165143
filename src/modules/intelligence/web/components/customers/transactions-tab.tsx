import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { TextField } from '@web/ui/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { ReceiptIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import {
  type CustomerTransaction,
  type TransactionFilters,
  useCustomerTransactions,
} from '../../queries-customers';
import { ConfidenceBar } from './confidence-bar';
import { formatAmount, formatDay } from './format';

/** How the categoriser found a category, in words (the Categories section of the method). */
const CATEGORY_SOURCES: Record<NonNullable<CustomerTransaction['categorySource']>, string> = {
  mcc: 'from the merchant code',
  partner: 'from your category',
  rule: 'by a description rule',
  keyword: 'by merchant name',
  fallback: 'by direction only',
};

/** The customer's transactions, newest booking first, with the category Atrium gave each and how sure it is. */
export function TransactionsTab({ customerId }: { customerId: string }) {
  const [filters, setFilters] = useState<TransactionFilters>({});
  const transactions = useCustomerTransactions(customerId, filters);
  const rows = transactions.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = Boolean(filters.category || filters.from || filters.to);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: TransactionFilters = {};
    for (const key of ['category', 'from', 'to'] as const) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    setFilters(next);
  };

  return (
    <div className="flex flex-col gap-4">
      <form
        onSubmit={submit}
        aria-label="Filter transactions"
        className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <TextField
          label="Category"
          name="category"
          placeholder="e.g. groceries"
          defaultValue={filters.category}
        />
        <TextField label="Booked from" name="from" type="date" defaultValue={filters.from} />
        <TextField label="Booked to" name="to" type="date" defaultValue={filters.to} />
        <div className="flex items-end">
          <Button type="submit" variant="outline">
            Apply
          </Button>
        </div>
      </form>
      {transactions.isPending && <LoadingState label="Loading transactions…" />}
      {transactions.isError && (
        <ErrorState error={transactions.error} onRetry={() => transactions.refetch()} />
      )}
      {transactions.isSuccess && rows.length === 0 && (
        <EmptyState
          icon={<ReceiptIcon />}
          title={filtered ? 'No transactions match' : 'No transactions'}
          description={
            filtered
              ? 'Widen the dates or clear the category.'
              : 'Statements sent for this customer add them.'
          }
        />
      )}
      {rows.length > 0 && (
        <>
          <Table aria-label="Transactions">
            <TableHeader>
              <TableRow>
                <TableHead>Booked</TableHead>
                <TableHead>Description</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead>Category</TableHead>
                <TableHead>Channel</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="whitespace-nowrap">{formatDay(row.bookedOn)}</TableCell>
                  <TableCell className="max-w-72">
                    <span className="block truncate">{row.description}</span>
                    {row.counterparty && (
                      <span className="block truncate text-muted-foreground text-xs">{row.counterparty}</span>
                    )}
                  </TableCell>
                  <TableCell
                    className={`whitespace-nowrap text-right tabular-nums ${Number(row.amount) > 0 ? 'text-emerald-700 dark:text-emerald-300' : ''}`}
                  >
                    {formatAmount(row.amount, row.currency)}
                  </TableCell>
                  <TableCell className="min-w-36">
                    <span className="block">{row.category}</span>
                    <ConfidenceBar
                      value={row.categoryConfidence}
                      label={`Category confidence for ${row.description}`}
                    />
                    {row.categorySource && (
                      <span className="block text-muted-foreground text-xs" data-testid="category-source">
                        {CATEGORY_SOURCES[row.categorySource]}
                      </span>
                    )}
                  </TableCell>
                  <TableCell>{row.channel ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {transactions.hasNextPage && (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => transactions.fetchNextPage()}
                disabled={transactions.isFetchingNextPage}
              >
                {transactions.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
