import { eq } from 'drizzle-orm';
import { announceChange } from '../../../kernel/db/changes.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import type { APP_ENVIRONMENTS } from '../contract.js';
import { appUpdatedEvent } from '../events.js';
import { apps } from '../schema.js';
import { normaliseAllowlist } from './allowlist.js';
import { appEventData, appNameTaken, auditedFields } from './create-app.js';
import { findApp } from './find-app.js';
import { type AppView, changedFields, presentApp } from './present.js';
import { isUniqueViolation } from './unique-violation.js';

export interface UpdateAppOptions {
  appId: string;
  changes: {
    name?: string;
    description?: string;
    environment?: (typeof APP_ENVIRONMENTS)[number];
    ipAllowlist?: string[];
    settings?: Record<string, unknown>;
  };
  actor: Actor;
}

/**
 * Changes an app, audited with the changed fields before and after (allowlist and settings
 * included); a request that changes nothing writes nothing.
 */
export async function updateApp(tx: TenantTx, options: UpdateAppOptions): Promise<AppView> {
  const current = await findApp(tx, options.appId);
  const { ipAllowlist, ...rest } = options.changes;
  const wanted = { ...rest, ...(ipAllowlist ? { ipAllowlist: normaliseAllowlist(ipAllowlist) } : {}) };
  const diff = changedFields(auditedFields(current.row), wanted);
  if (!diff) return current.view;
  const [row] = await tx.db
    .update(apps)
    .set(diff.after)
    .where(eq(apps.id, current.row.id))
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'apps_tenant_project_name_idx')) {
        throw appNameTaken(options.changes.name ?? '', current.project.name);
      }
      throw error;
    });
  if (!row) throw new Error('the app vanished inside its own transaction');
  // The gateway caches each key's app (allowlist, environment): other processes drop it on commit.
  await announceChange(tx, 'app', row.id);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'app.updated',
    target: { type: 'app', id: current.view.id, label: row.name },
    before: diff.before,
    after: diff.after,
    metadata: { changed: Object.keys(diff.after) },
  });
  const view = presentApp(row, current.project);
  await emitEvent(tx, {
    tenantId: tx.tenantId,
    appId: row.id,
    type: appUpdatedEvent.type,
    data: { ...appEventData(view), changed: Object.keys(diff.after) },
  });
  return view;
}
