import { createFileRoute } from '@tanstack/react-router';
import { PageHeader } from '@web/shell/page-header';
import { Button } from '@web/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { DownloadIcon } from 'lucide-react';
import { ApiLogsList } from '../components/api-logs-list';
import { LogsFilters } from '../components/logs-filters';
import { LOG_SEARCH_KEYS, type LogSearch, logsExportUrl } from '../queries';

export const Route = createFileRoute('/logs/')({
  head: () => ({ meta: [{ title: 'Logs · Atrium' }] }),
  // Filters live in the URL, so a filtered view can be bookmarked, shared, reloaded and linked to.
  validateSearch: (raw: Record<string, unknown>): LogSearch => {
    const search: LogSearch = {};
    for (const key of LOG_SEARCH_KEYS) {
      const value = raw[key];
      if (typeof value === 'string' && value.trim()) search[key] = value.trim();
    }
    return search;
  },
  component: LogsPage,
});

function LogsPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  return (
    <>
      <PageHeader
        title="Logs"
        description="Every request your apps and your team made to the Partner and Public API. Credentials and secrets are redacted before anything is stored."
        actions={<ExportButtons search={search} />}
      />
      <Tabs defaultValue="api">
        <TabsList>
          <TabsTrigger value="api">API logs</TabsTrigger>
        </TabsList>
        <TabsContent value="api" className="pt-4">
          <LogsFilters search={search} onChange={(next) => navigate({ search: next })} />
          <ApiLogsList search={search} />
        </TabsContent>
      </Tabs>
    </>
  );
}

/** Downloads of the requests the current filters select; the server streams the file. */
function ExportButtons({ search }: { search: LogSearch }) {
  return (
    <>
      {(['csv', 'json', 'pdf'] as const).map((format) => (
        <Button key={format} variant="outline" asChild>
          <a href={logsExportUrl(search, format)} download>
            <DownloadIcon aria-hidden="true" />
            Export {format.toUpperCase()}
          </a>
        </Button>
      ))}
    </>
  );
}
