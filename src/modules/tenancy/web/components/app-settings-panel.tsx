import { useCan } from '@web/lib/access';
import { ErrorState, LoadingState } from '@web/shell/states';
import { can } from '../permissions';
import { useApp } from '../queries';
import { AppGeneralForm } from './app-general-form';
import { DeleteAppCard } from './delete-app-card';
import { IpAllowlistEditor } from './ip-allowlist-editor';
import { SettingsJsonEditor } from './settings-json-editor';

/** Everything about the app one can change; read-only for roles without apps:write. */
export function AppSettingsPanel({ appId }: { appId: string }) {
  const app = useApp(appId);
  const editable = useCan(can.writeApps);
  if (app.isPending) return <LoadingState label="Loading the app…" rows={3} />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => app.refetch()} />;
  // Each form is keyed by what it edits: once saved, it starts again from what the server stored
  // (the canonical allowlist), while unsaved edits in the other forms stay.
  const { name, description, environment, ipAllowlist, settings } = app.data;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      {!editable && (
        <p className="text-muted-foreground text-sm">
          You can see these settings; your role cannot change them.
        </p>
      )}
      <AppGeneralForm
        key={JSON.stringify([name, description, environment])}
        app={app.data}
        editable={editable}
      />
      <IpAllowlistEditor key={ipAllowlist.join(' ')} app={app.data} editable={editable} />
      <SettingsJsonEditor key={JSON.stringify(settings)} app={app.data} editable={editable} />
      {editable && <DeleteAppCard app={app.data} />}
    </div>
  );
}
