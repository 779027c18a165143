import { eq } from 'drizzle-orm';
import { announceChange } from '../../../kernel/db/changes.js';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import { appDeletedEvent } from '../events.js';
import { apps } from '../schema.js';
import { appEventData, auditedFields } from './create-app.js';
import { findApp } from './find-app.js';

export interface DeleteAppOptions {
  appId: string;
  actor: Actor;
}

/** Deletes an app, audited with what it was. */
export async function deleteApp(tx: TenantTx, options: DeleteAppOptions): Promise<void> {
  const { row, view } = await findApp(tx, options.appId);
  await tx.db.delete(apps).where(eq(apps.id, row.id));
  // Its keys go with it (cascade): every process drops them from its key cache on commit.
  await announceChange(tx, 'app', row.id);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'app.deleted',
    target: { type: 'app', id: view.id, label: row.name },
    before: auditedFields(row),
    metadata: { project: view.project },
  });
  await emitEvent(tx, { tenantId: tx.tenantId, type: appDeletedEvent.type, data: appEventData(view) });
}
