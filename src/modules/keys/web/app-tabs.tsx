import { Can } from '@web/lib/access';
import type { AppTab } from '@web/lib/app-tabs';
import { EmptyState, ErrorState, LoadingState } from '@web/shell/states';
import { KeyRoundIcon } from 'lucide-react';
import { CreateKeyDialog } from './components/create-key-dialog';
import { KeysTable } from './components/keys-table';
import { useApiKeys } from './queries';

function AppKeysPanel({ appId }: { appId: string }) {
  // The create dialog stays mounted in one place: the list refreshing from empty to one key must
  // not unmount it while it shows the new secret.
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <Can permission="keys:write">
          <CreateKeyDialog appId={appId} />
        </Can>
      </div>
      <AppKeysList appId={appId} />
    </div>
  );
}

function AppKeysList({ appId }: { appId: string }) {
  const keys = useApiKeys(appId);
  if (keys.isPending) return <LoadingState label="Loading API keys…" />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => keys.refetch()} />;
  if (keys.data.length === 0)
    return (
      <EmptyState
        icon={<KeyRoundIcon />}
        title="No API keys yet"
        description="A key lets this app’s servers call the Partner API. Its secret is shown once, when you create it."
      />
    );
  return <KeysTable keys={keys.data} />;
}

export const appTabs: readonly AppTab[] = [
  { id: 'keys', title: 'Keys', order: 10, permission: 'keys:read', Panel: AppKeysPanel },
];
