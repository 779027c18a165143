import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { UsersIcon } from 'lucide-react';
import { CustomerFilters } from '../../components/customers/customer-filters';
import { CustomersTable } from '../../components/customers/customers-table';
import {
  CUSTOMER_SEARCH_KEYS,
  type CustomerSearch,
  useCustomers,
  useIntelligenceCatalogue,
} from '../../queries-customers';

const ENUMS: Partial<Record<keyof CustomerSearch, readonly string[]>> = {
  driftLevel: ['none', 'moderate', 'alert'],
  riskLevel: ['low', 'medium', 'high'],
  ageBand: ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
  archived: ['false', 'true', 'all'],
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const Route = createFileRoute('/customers/')({
  head: () => ({ meta: [{ title: 'Customers · Atrium' }] }),
  // Search and filters live in the URL: a view can be bookmarked, shared, and linked to from the
  // intelligence dashboard. A value the API would refuse is dropped rather than shown as an error.
  validateSearch: (raw: Record<string, unknown>): CustomerSearch => {
    const search: Record<string, string> = {};
    for (const key of CUSTOMER_SEARCH_KEYS) {
      const value = typeof raw[key] === 'string' ? (raw[key] as string).trim() : '';
      if (!value) continue;
      const allowed = ENUMS[key];
      if (allowed && !allowed.includes(value)) continue;
      if ((key === 'activeFrom' || key === 'activeTo') && !ISO_DAY.test(value)) continue;
      search[key] = value;
    }
    return search as CustomerSearch;
  },
  component: CustomersPage,
});

function CustomersPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const customers = useCustomers(search);
  const rows = customers.data?.pages.flatMap((page) => page.data) ?? [];
  const catalogue = useIntelligenceCatalogue();
  const filtered = CUSTOMER_SEARCH_KEYS.some((key) => search[key]);

  return (
    <>
      <PageHeader
        title="Customers"
        description="Your end customers as their statements describe them: persona, behaviour drift and risk. Open one for its transactions and analyses."
      />
      <CustomerFilters
        search={search}
        catalogue={catalogue.data}
        onChange={(next) => navigate({ search: next })}
      />
      {customers.isPending && <LoadingState label="Loading customers…" />}
      {customers.isError && <ErrorState error={customers.error} onRetry={() => customers.refetch()} />}
      {customers.isSuccess && rows.length === 0 && (
        <EmptyState
          icon={<UsersIcon />}
          title={filtered ? 'No customers match' : 'No customers yet'}
          description={
            filtered
              ? 'Try another search or clear a filter.'
              : 'Customers appear when your apps send their statements to POST /v1/statements.'
          }
        />
      )}
      {rows.length > 0 && (
        <div className="flex flex-col gap-4">
          <CustomersTable customers={rows} />
          {customers.hasNextPage && (
            <div className="flex justify-center">
              <Button
                variant="outline"
                onClick={() => customers.fetchNextPage()}
                disabled={customers.isFetchingNextPage}
              >
                {customers.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
