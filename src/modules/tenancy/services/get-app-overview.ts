import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { countAuditEvents } from '../../audit/index.js';
import { countAppTraffic } from '../../usage/index.js';
import type { AppOverviewSchema } from '../contract/apps.js';
import { findApp } from './find-app.js';
import { findProject } from './find-project.js';

const WINDOW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type AppOverview = z.infer<typeof AppOverviewSchema>;

/**
 * The app, its project and its last 7 days. Changes are counted from the audit trail, API calls
 * from the request log's rollups when that module is enabled (otherwise they are labelled as not
 * collected rather than shown as zero).
 */
export async function getAppOverview(
  tx: TenantTx,
  appId: string,
  options: { requestLog: boolean; now?: Date },
): Promise<AppOverview> {
  const now = options.now ?? new Date();
  const app = await findApp(tx, appId);
  const project = await findProject(tx, app.view.project.id);
  const from = new Date(now.getTime() - WINDOW_DAYS * DAY_MS);
  const changes = await countAuditEvents(tx, { targetType: 'app', targetId: app.view.id, since: from });
  return {
    app: app.view,
    project: project.view,
    activity: {
      from: from.toISOString(),
      to: now.toISOString(),
      changes,
      traffic: options.requestLog
        ? {
            source: 'request_log',
            ...(await countAppTraffic(tx, { appId: app.row.id, from, to: now })),
          }
        : trafficNotCollected(),
    },
  };
}

/** The placeholder source of traffic figures: honest zeros, labelled as not collected. */
function trafficNotCollected(): AppOverview['activity']['traffic'] {
  return { source: 'not_collected', calls: 0, errors: 0 };
}
