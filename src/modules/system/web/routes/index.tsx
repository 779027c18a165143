import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { ErrorState, LoadingState } from '@web/shell/states';
import { CopyDiagnosticsButton } from '../components/copy-diagnostics-button';
import { ModulesTable } from '../components/modules-table';
import { SystemFacts } from '../components/system-facts';
import { useSystemInfo } from '../queries';

export const Route = createFileRoute('/system/')({
  head: () => ({ meta: [{ title: 'System · Atrium' }] }),
  component: SystemPage,
});

function SystemPage() {
  const systemInfo = useSystemInfo();

  return (
    <>
      <PageHeader
        title="System"
        description="Version, runtime, database and modules of this Atrium instance."
        actions={systemInfo.data && <CopyDiagnosticsButton info={systemInfo.data} />}
      />
      {systemInfo.isPending && <LoadingState label="Loading system information…" />}
      {systemInfo.isError && <ErrorState error={systemInfo.error} onRetry={() => systemInfo.refetch()} />}
      {systemInfo.data && (
        <div className="flex flex-col gap-6">
          <SystemFacts info={systemInfo.data} />
          <ModulesTable modules={systemInfo.data.modules} />
        </div>
      )}
    </>
  );
}
