import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { recordAudit } from '../../audit/index.js';
import { projects } from '../schema.js';
import { nameTaken } from './create-project.js';
import { findProject } from './find-project.js';
import { changedFields, type ProjectView, presentProject } from './present.js';
import { isUniqueViolation } from './unique-violation.js';

export interface UpdateProjectOptions {
  projectId: string;
  changes: { name?: string; description?: string };
  actor: Actor;
}

/** Renames or redescribes a project, audited with before and after; nothing changed, nothing written. */
export async function updateProject(tx: TenantTx, options: UpdateProjectOptions): Promise<ProjectView> {
  const current = await findProject(tx, options.projectId);
  const diff = changedFields(
    { name: current.row.name, description: current.row.description },
    options.changes,
  );
  if (!diff) return current.view;
  const [row] = await tx.db
    .update(projects)
    .set(diff.after)
    .where(eq(projects.id, current.row.id))
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'projects_tenant_name_idx')) throw nameTaken(options.changes.name ?? '');
      throw error;
    });
  if (!row) throw new Error('the project vanished inside its own transaction');
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'project.updated',
    target: { type: 'project', id: current.view.id, label: row.name },
    before: diff.before,
    after: diff.after,
  });
  return presentProject(row, current.view.appCount);
}
