import { createFileRoute, Link } from '@tanstack/react-router';
import { ProblemError } from '@web/api/problem';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { ChevronRightIcon, ShieldIcon } from 'lucide-react';
import { DriftBadge, PersonaBadge, RiskBadge } from '../../components/customers/badges';
import { CustomerActions } from '../../components/customers/customer-actions';
import { DriftTab } from '../../components/customers/drift-tab';
import { formatDay } from '../../components/customers/format';
import { PersonaTab } from '../../components/customers/persona-tab';
import { TransactionsTab } from '../../components/customers/transactions-tab';
import { type Customer, useCustomer, useCustomerAnalyses } from '../../queries-customers';

const TABS = ['transactions', 'persona', 'risk', 'drift'] as const;
type Tab = (typeof TABS)[number];

export const Route = createFileRoute('/customers/$customerId')({
  head: () => ({ meta: [{ title: 'Customer · Atrium' }] }),
  // The open tab is in the URL, so a link (or a reload) lands on it.
  validateSearch: (raw: Record<string, unknown>): { tab?: Tab } =>
    TABS.includes(raw.tab as Tab) && raw.tab !== 'transactions' ? { tab: raw.tab as Tab } : {},
  component: CustomerPage,
});

function CustomerPage() {
  const { customerId } = Route.useParams();
  const customer = useCustomer(customerId);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-muted-foreground text-sm">
        <ol className="flex min-w-0 items-center gap-1">
          <li>
            <Link to="/customers" className="underline-offset-4 hover:text-foreground hover:underline">
              Customers
            </Link>
          </li>
          <li aria-current="page" className="flex min-w-0 items-center gap-1 text-foreground">
            <ChevronRightIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="truncate">{customer.data?.externalRef ?? 'Customer'}</span>
          </li>
        </ol>
      </nav>
      {customer.isPending && <LoadingState label="Loading the customer…" />}
      {customer.isError && <CustomerError error={customer.error} onRetry={() => customer.refetch()} />}
      {customer.data && <CustomerDetail customer={customer.data} />}
    </>
  );
}

function CustomerError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ProblemError && error.status === 404) {
    return (
      <EmptyState
        title="Customer not found"
        description="It may belong to another organisation, or the link is wrong."
        action={
          <Link to="/customers" className="underline underline-offset-4">
            Back to customers
          </Link>
        }
      />
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

function CustomerDetail({ customer }: { customer: Customer }) {
  const { tab = 'transactions' } = Route.useSearch();
  const navigate = Route.useNavigate();
  const analyses = useCustomerAnalyses(customer.id);
  const latest = analyses.data?.pages[0]?.data[0];
  const facts: [string, string][] = [
    ['Reference', customer.externalRef],
    ['Region', customer.region ?? '—'],
    ['Gender', customer.gender ?? '—'],
    ['Age band', customer.ageBand ?? '—'],
    ['Transactions', String(customer.transactionCount)],
    ['History', `${formatDay(customer.firstTransactionOn)} – ${formatDay(customer.lastTransactionOn)}`],
  ];
  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="break-words font-semibold text-2xl tracking-tight">
            {customer.displayName ?? customer.externalRef}
          </h1>
          <div className="flex flex-wrap items-center gap-2">
            <PersonaBadge persona={customer.persona} />
            <DriftBadge level={customer.driftLevel} psi={customer.driftPsi} />
            <RiskBadge level={customer.riskLevel} />
            {customer.archivedAt && <span className="text-muted-foreground text-sm">Archived</span>}
          </div>
          <p className="break-all font-mono text-muted-foreground text-xs">{customer.id}</p>
        </div>
        <CustomerActions customer={customer} />
      </div>
      {customer.mergedIntoId && (
        <p role="status" className="rounded-md border bg-muted/50 px-3 py-2 text-sm">
          This customer was merged into{' '}
          <Link
            to="/customers/$customerId"
            params={{ customerId: customer.mergedIntoId }}
            className="underline underline-offset-4"
          >
            another customer
          </Link>
          ; its history stays readable here.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 rounded-xl border p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([term, value]) => (
          <div key={term} className="min-w-0">
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="truncate font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {customer.mergedFrom.length > 0 && (
        <p className="text-muted-foreground text-sm">
          Merged from: {customer.mergedFrom.map((duplicate) => duplicate.externalRef).join(', ')}
        </p>
      )}
      <Tabs
        value={tab}
        onValueChange={(value) =>
          void navigate({ search: value === 'transactions' ? {} : { tab: value as Tab }, replace: true })
        }
      >
        <TabsList aria-label="Customer sections" className="max-w-full overflow-x-auto">
          <TabsTrigger value="transactions">Transactions</TabsTrigger>
          <TabsTrigger value="persona">Persona</TabsTrigger>
          <TabsTrigger value="risk">Risk</TabsTrigger>
          <TabsTrigger value="drift">Drift</TabsTrigger>
        </TabsList>
        <TabsContent value="transactions" className="pt-4">
          <TransactionsTab customerId={customer.id} />
        </TabsContent>
        <TabsContent value="persona" className="pt-4">
          {analyses.isPending && <LoadingState label="Loading the analysis…" />}
          {analyses.isError && <ErrorState error={analyses.error} onRetry={() => analyses.refetch()} />}
          {analyses.isSuccess && <PersonaTab analysis={latest} />}
        </TabsContent>
        <TabsContent value="risk" className="pt-4">
          <EmptyState
            icon={<ShieldIcon />}
            title={customer.riskLevel ? `Risk level: ${customer.riskLevel}` : 'No risk flags'}
            description="Risk flags appear when the compliance module screens this customer."
          />
        </TabsContent>
        <TabsContent value="drift" className="pt-4">
          <DriftTab analyses={analyses} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
