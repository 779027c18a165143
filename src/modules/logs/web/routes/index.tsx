import { createFileRoute } from '@tanstack/react-router';
import { useAccess } from '@web/lib/access';
import { type LogTabSearch, resolveLogTabs } from '@web/lib/log-tabs';
import { PageHeader } from '@web/shell/page-header';
import { LoadingState } from '@web/shell/states';
import { Button } from '@web/ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@web/ui/tabs';
import { DownloadIcon } from 'lucide-react';
import { useState } from 'react';
import { ApiLogsList } from '../components/api-logs-list';
import { LiveTailToggle, useLiveTail } from '../components/live-tail';
import { LogsFilters } from '../components/logs-filters';
import { LOG_SEARCH_KEYS, type LogSearch, logsExportUrl } from '../queries';

/** Other modules' tabs (webhook deliveries, …), contributed through `web/log-tabs.tsx`. */
const logTabs = resolveLogTabs();

/** The open tab (absent: API requests) and that tab's filters. */
type LogsPageSearch = LogSearch & LogTabSearch & { tab?: string };

export const Route = createFileRoute('/logs/')({
  head: () => ({ meta: [{ title: 'Logs · Atrium' }] }),
  // Filters live in the URL, so a filtered view can be bookmarked, shared, reloaded and linked to.
  // Each tab keeps only its own filters.
  validateSearch: (raw: Record<string, unknown>): LogsPageSearch => {
    const tab = logTabs.find((entry) => entry.id === raw.tab);
    const search: LogsPageSearch = tab ? { tab: tab.id } : {};
    for (const key of tab?.searchKeys ?? LOG_SEARCH_KEYS) {
      const value = raw[key];
      if (typeof value === 'string' && value.trim()) search[key] = value.trim();
    }
    return search;
  },
  component: LogsPage,
});

const API_TAB = 'api';

function LogsPage() {
  const { tab: tabId, ...search } = Route.useSearch();
  const navigate = Route.useNavigate();
  const access = useAccess();
  const permissions = access.data?.permissions ?? [];
  const tabs = logTabs.filter((entry) => !entry.permission || permissions.includes(entry.permission));
  const tab = tabs.find((entry) => entry.id === tabId);
  const [liveTail, setLiveTail] = useState(false);
  useLiveTail(liveTail && !tab);
  // A contributed tab in the URL waits for the caller's permissions instead of flashing API requests.
  if (tabId && access.isPending) return <LoadingState label="Loading logs…" />;
  return (
    <>
      <PageHeader
        title="Logs"
        description={
          tab?.description ??
          'Every request your apps and your team made to the Partner and Public API. Credentials and secrets are redacted before anything is stored.'
        }
        actions={
          tab ? undefined : (
            <>
              <LiveTailToggle on={liveTail} onChange={setLiveTail} />
              <ExportButtons search={search} />
            </>
          )
        }
      />
      <Tabs
        value={tab?.id ?? API_TAB}
        // A tab starts without filters: each tab's filters mean something else.
        onValueChange={(value) => void navigate({ search: value === API_TAB ? {} : { tab: value } })}
        activationMode="manual"
      >
        <TabsList aria-label="Log sections">
          <TabsTrigger value={API_TAB}>API requests</TabsTrigger>
          {tabs.map((entry) => (
            <TabsTrigger key={entry.id} value={entry.id}>
              {entry.title}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value={API_TAB} className="pt-4">
          <LogsFilters search={search} onChange={(next) => navigate({ search: { ...next } })} />
          <ApiLogsList search={search} />
        </TabsContent>
        {tabs.map((entry) => (
          <TabsContent key={entry.id} value={entry.id} className="pt-4">
            {entry.id === tab?.id && (
              <entry.Panel
                search={search}
                onSearchChange={(next) => navigate({ search: { ...next, tab: entry.id } })}
              />
            )}
          </TabsContent>
        ))}
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
