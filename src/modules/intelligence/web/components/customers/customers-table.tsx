import { Link } from '@tanstack/react-router';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import type { CustomerRow } from '../../queries-customers';
import { DriftBadge, PersonaBadge, RiskBadge } from './badges';
import { formatDay } from './format';

export function CustomersTable({ customers }: { customers: readonly CustomerRow[] }) {
  return (
    <Table aria-label="Customers">
      <TableHeader>
        <TableRow>
          <TableHead>Customer</TableHead>
          <TableHead>Persona</TableHead>
          <TableHead>Drift</TableHead>
          <TableHead>Risk</TableHead>
          <TableHead className="text-right">Transactions</TableHead>
          <TableHead>Last transaction</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((customer) => (
          <TableRow key={customer.id}>
            <TableCell className="max-w-64">
              <Link
                to="/customers/$customerId"
                params={{ customerId: customer.id }}
                className="block truncate font-medium underline-offset-4 hover:underline"
              >
                {customer.displayName ?? customer.externalRef}
              </Link>
              <span className="block truncate font-mono text-muted-foreground text-xs">
                {customer.externalRef}
                {customer.archivedAt ? ' · archived' : ''}
              </span>
            </TableCell>
            <TableCell>
              <PersonaBadge persona={customer.persona} />
            </TableCell>
            <TableCell>
              <DriftBadge level={customer.driftLevel} psi={customer.driftPsi} />
            </TableCell>
            <TableCell>
              <RiskBadge level={customer.riskLevel} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{customer.transactionCount}</TableCell>
            <TableCell className="whitespace-nowrap">{formatDay(customer.lastTransactionOn)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
