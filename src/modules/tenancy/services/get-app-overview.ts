import type { z } from '@hono/zod-openapi';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { countAuditEvents } from '../../audit/index.js';
import type { AppOverviewSchema } from '../contract/apps.js';
import { findApp } from './find-app.js';
import { findProject } from './find-project.js';

const WINDOW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type AppOverview = z.infer<typeof AppOverviewSchema>;

/**
 * The app, its project and its last 7 days. Changes are counted from the audit trail; API traffic
 * and webhook deliveries have no recording module yet, so they come from `trafficNotCollected`
 * until the request log and webhooks modules provide real figures.
 */
export async function getAppOverview(tx: TenantTx, appId: string, now = new Date()): Promise<AppOverview> {
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
      traffic: trafficNotCollected(),
    },
  };
}

/** The placeholder source of traffic figures: honest zeros, labelled as not collected. */
function trafficNotCollected(): AppOverview['activity']['traffic'] {
  return { source: 'not_collected', calls: 0, errors: 0, deliveries: 0 };
}
