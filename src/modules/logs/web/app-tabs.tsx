import { Link } from '@tanstack/react-router';
import type { AppTab } from '@web/lib/app-tabs';
import { ApiLogsList } from './components/api-logs-list';

/** The app page's Logs tab: the app's requests, with a way to the Logs page's full filters. */
function AppLogsPanel({ appId }: { appId: string }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted-foreground text-sm">
        Requests made with this app’s keys, newest first.{' '}
        <Link to="/logs" search={{ appId }} className="underline underline-offset-4">
          Search and export them on the Logs page
        </Link>
      </p>
      <ApiLogsList
        search={{ appId }}
        empty={{
          title: 'No API requests yet',
          description: 'Calls made with this app’s API keys appear here within a second.',
        }}
      />
    </div>
  );
}

export const appTabs: readonly AppTab[] = [
  { id: 'logs', title: 'Logs', order: 30, permission: 'logs:read', Panel: AppLogsPanel },
];
