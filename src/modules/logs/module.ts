import type { AnyRouteDefinition } from '../../kernel/http/route.js';
import { defineModule } from '../../kernel/module.js';
import { LOGS_PERMISSIONS } from './contract.js';
import { enforceRetentionJob } from './jobs/enforce-retention.js';
import { exportLogsRoute } from './routes/export-logs.js';
import { getLogRoute } from './routes/get-log.js';
import { listLogsRoute } from './routes/list-logs.js';
import { captureLayer } from './services/capture.js';
import { requestLogWriter, startRequestLog } from './services/runtime.js';
import { seedDemoTraffic } from './services/seed-demo.js';

/** An operation that answers with Server-Sent Events. */
function isEventStream(route: AnyRouteDefinition): boolean {
  const content = route.route.responses?.[200]?.content as Record<string, unknown> | undefined;
  return Boolean(content && 'text/event-stream' in content);
}

export const logsModule = defineModule({
  id: 'logs',
  title: 'Request logs',
  description:
    'Every Partner and Public API request of a tenant, redacted and stored in daily partitions, with per-minute rollups for charts and metering.',
  // Export before the `{logId}` lookup, so `/partner/logs/export` is not read as an id.
  routes: [listLogsRoute, exportLogsRoute, getLogRoute],
  jobs: [enforceRetentionJob],
  tags: [
    {
      name: 'Request logs',
      description: 'Every API request of your tenant, redacted, searchable and exportable.',
    },
  ],
  permissions: [
    {
      name: LOGS_PERMISSIONS.logsRead,
      description: 'See the API request logs and export them.',
      defaultRoles: ['owner', 'admin', 'developer', 'analyst'],
    },
  ],
  layers: [
    {
      name: 'request-log',
      stage: 'outer',
      // Every guarded operation of the Partner and Public API (public ones have no tenant), but
      // not reads of the log itself (the Logs page would otherwise fill its own list), nor event
      // streams (the live stream stays open for hours: there is no response to record).
      applies: (route) =>
        route.access.kind !== 'public' &&
        !route.route.path.startsWith('/partner/logs') &&
        !isEventStream(route),
      middleware: captureLayer((c) => requestLogWriter(c.env.services)),
    },
  ],
  start: startRequestLog,
  nav: [
    {
      section: { id: 'observe', title: 'Observe', order: 30 },
      id: 'logs',
      title: 'Logs',
      path: '/logs',
      icon: 'scroll-text',
      description: 'Every API request: search, filter, inspect and export.',
      order: 10,
      permission: LOGS_PERMISSIONS.logsRead,
    },
  ],
  demo: { order: 60, seed: seedDemoTraffic },
});
