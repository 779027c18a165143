import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '@web/api/client';
import { useAccess } from '@web/lib/access';
import { Button } from '@web/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@web/ui/dropdown-menu';
import { Building2Icon, CheckIcon, ChevronsUpDownIcon, PlusIcon } from 'lucide-react';
import { toast } from 'sonner';

/**
 * The organisation this session works in, and the others the user belongs to. Switching changes
 * what every page shows, so all cached data is dropped and the user lands on the home page.
 */
export function TenantSwitcher() {
  const access = useAccess();
  const tenants = useQuery({
    queryKey: ['tenancy', 'my-tenants'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/partner/tenants', { signal }))?.data ?? [],
    enabled: access.isSuccess,
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const switchTo = useMutation({
    mutationFn: async (tenant: { id: string; name: string }) =>
      unwrap(
        await api.POST('/partner/tenants/{tenantId}/switch', { params: { path: { tenantId: tenant.id } } }),
      ),
    onSuccess: async (_, tenant) => {
      await navigate({ to: '/' });
      await queryClient.invalidateQueries();
      toast.success(`Now working in ${tenant.name}`);
    },
    onError: (error) => toast.error('Could not switch organisation', { description: error.message }),
  });

  if (!access.data) return null;
  const current = access.data.tenant;
  if (!current) {
    return (
      <Button asChild variant="outline" size="sm">
        <Link to="/tenancy/onboarding">
          <PlusIcon aria-hidden="true" />
          Create organisation
        </Link>
      </Button>
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          className="max-w-56 gap-2 px-2"
          aria-label={`Organisation: ${current.name}. Switch organisation`}
        >
          <Building2Icon aria-hidden="true" />
          {/* Phones show the icon only: the top bar has no room for a name there. */}
          <span className="hidden truncate sm:inline">{current.name}</span>
          <ChevronsUpDownIcon className="text-muted-foreground" aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel className="text-muted-foreground text-xs">Organisations</DropdownMenuLabel>
        {tenants.isPending && <DropdownMenuItem disabled>Loading…</DropdownMenuItem>}
        {tenants.isError && <DropdownMenuItem disabled>Could not load your organisations</DropdownMenuItem>}
        {tenants.data?.map((tenant) => (
          <DropdownMenuItem
            key={tenant.id}
            disabled={switchTo.isPending}
            onSelect={() => !tenant.active && switchTo.mutate(tenant)}
            aria-current={tenant.active ? 'true' : undefined}
          >
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="truncate">{tenant.name}</span>
              <span className="text-muted-foreground text-xs">{tenant.role}</span>
            </span>
            {tenant.active && <CheckIcon aria-label="Current" />}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/tenancy/onboarding">
            <PlusIcon aria-hidden="true" />
            Create organisation
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
