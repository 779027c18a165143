import { createFileRoute } from '@tanstack/react-router';
import { Can } from '@web/lib/access';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Badge } from '@web/ui/badge';
import { Button } from '@web/ui/button';
import { SelectField, TextField } from '@web/ui/field';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@web/ui/table';
import { Building2Icon } from 'lucide-react';
import { useDeferredValue } from 'react';
import { z } from 'zod';
import { TENANT_TIERS, TENANT_TYPES } from '../../../tenancy/contract';
import { CreateTenantDialog } from '../components/create-tenant-dialog';
import { useOperatorTenants } from '../queries';

const PAGE = 50;
const search = z.object({
  q: z.string().optional(),
  type: z.enum(TENANT_TYPES).optional(),
  tier: z.enum(TENANT_TIERS).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  offset: z.number().int().min(0).optional(),
});

export const Route = createFileRoute('/operator/tenants')({
  head: () => ({ meta: [{ title: 'Tenants · Operator · Atrium' }] }),
  validateSearch: search,
  component: OperatorTenantsPage,
});

function OperatorTenantsPage() {
  const filters = Route.useSearch();
  const navigate = Route.useNavigate();
  const q = useDeferredValue(filters.q);
  const tenants = useOperatorTenants({ ...filters, q, limit: PAGE, offset: filters.offset ?? 0 });
  const set = (patch: Partial<z.infer<typeof search>>) =>
    navigate({ search: (previous) => ({ ...previous, offset: undefined, ...patch }), replace: true });
  const offset = filters.offset ?? 0;

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Every partner organisation on this installation."
        actions={
          <Can permission="tenants:manage">
            <CreateTenantDialog />
          </Can>
        }
      />
      <search className="mb-4 flex flex-wrap items-end gap-3">
        <TextField
          type="search"
          className="w-64 max-w-full"
          label="Search"
          placeholder="Name or contact email"
          value={filters.q ?? ''}
          onChange={(event) => set({ q: event.target.value || undefined })}
        />
        <SelectField
          anyLabel="All"
          label="Type"
          options={TENANT_TYPES}
          value={filters.type ?? ''}
          onChange={(event) => set({ type: (event.target.value || undefined) as typeof filters.type })}
        />
        <SelectField
          anyLabel="All"
          label="Tier"
          options={TENANT_TIERS}
          value={filters.tier ?? ''}
          onChange={(event) => set({ tier: (event.target.value || undefined) as typeof filters.tier })}
        />
        <SelectField
          anyLabel="All"
          label="Status"
          options={['active', 'suspended']}
          value={filters.status ?? ''}
          onChange={(event) => set({ status: (event.target.value || undefined) as typeof filters.status })}
        />
      </search>
      {tenants.isPending && <LoadingState label="Loading tenants…" />}
      {tenants.isError && <ErrorState error={tenants.error} onRetry={() => tenants.refetch()} />}
      {tenants.data && tenants.data.data.length === 0 && (
        <EmptyState
          icon={<Building2Icon aria-hidden="true" />}
          title="No tenants match"
          description="Change the search or the filters."
        />
      )}
      {tenants.data && tenants.data.data.length > 0 && (
        <>
          <Table aria-label="Tenants">
            <TableHeader>
              <TableRow>
                <TableHead scope="col">Name</TableHead>
                <TableHead scope="col">Type</TableHead>
                <TableHead scope="col">Tier</TableHead>
                <TableHead scope="col">Status</TableHead>
                <TableHead scope="col">Owners</TableHead>
                <TableHead scope="col" className="text-right">
                  Members
                </TableHead>
                <TableHead scope="col" className="text-right">
                  Invited
                </TableHead>
                <TableHead scope="col">Created</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tenants.data.data.map((tenant) => (
                <TableRow key={tenant.id}>
                  <TableCell className="font-medium">
                    {tenant.name}
                    <div className="font-mono text-muted-foreground text-xs">{tenant.id}</div>
                  </TableCell>
                  <TableCell>{tenant.type}</TableCell>
                  <TableCell>{tenant.tier}</TableCell>
                  <TableCell>
                    <Badge variant={tenant.status === 'active' ? 'secondary' : 'destructive'}>
                      {tenant.status}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{tenant.owners.join(', ') || '—'}</TableCell>
                  <TableCell className="text-right tabular-nums">{tenant.members}</TableCell>
                  <TableCell className="text-right tabular-nums">{tenant.pendingInvitations}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {new Date(tenant.createdAt).toLocaleDateString()}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="mt-4 flex items-center justify-between text-muted-foreground text-sm">
            <span>
              {offset + 1}–{offset + tenants.data.data.length} of {tenants.data.total}
            </span>
            <div className="flex gap-2">
              <Button
                variant="outline"
                size="sm"
                disabled={offset === 0}
                onClick={() => set({ offset: Math.max(0, offset - PAGE) || undefined })}
              >
                Previous
              </Button>
              <Button
                variant="outline"
                size="sm"
                disabled={offset + PAGE >= tenants.data.total}
                onClick={() => set({ offset: offset + PAGE })}
              >
                Next
              </Button>
            </div>
          </div>
        </>
      )}
    </>
  );
}
