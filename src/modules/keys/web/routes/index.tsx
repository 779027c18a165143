import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { Field } from '@web/ui/field';
import { NativeSelect } from '@web/ui/input';
import { KeyRoundIcon } from 'lucide-react';
import { KeysTable } from '../components/keys-table';
import { useApiKeys, useAppChoices } from '../queries';

export const Route = createFileRoute('/keys/')({
  head: () => ({ meta: [{ title: 'API keys · Atrium' }] }),
  validateSearch: (search: Record<string, unknown>): { appId?: string } =>
    typeof search.appId === 'string' && search.appId !== '' ? { appId: search.appId } : {},
  component: KeysPage,
});

function KeysPage() {
  const { appId } = Route.useSearch();
  const navigate = Route.useNavigate();
  const keys = useApiKeys(appId);
  const apps = useAppChoices();
  const appNames = new Map((apps.data ?? []).map((app) => [app.id, app.name]));

  return (
    <>
      <PageHeader
        title="API keys"
        description="Every app’s keys. Create, rotate and revoke them from the app’s Keys tab."
      />
      <div className="mb-4 max-w-xs">
        <Field label="App">
          <NativeSelect
            name="appId"
            value={appId ?? ''}
            onChange={(event) =>
              navigate({ search: event.target.value ? { appId: event.target.value } : {}, replace: true })
            }
          >
            <option value="">All apps</option>
            {(apps.data ?? []).map((app) => (
              <option key={app.id} value={app.id}>
                {app.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      {keys.isPending ? (
        <LoadingState label="Loading API keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          icon={<KeyRoundIcon />}
          title="No API keys"
          description="Create one from an app’s Keys tab: Build → Apps, then the app, then Keys."
        />
      ) : (
        <KeysTable keys={keys.data} appNames={appNames} />
      )}
    </>
  );
}
