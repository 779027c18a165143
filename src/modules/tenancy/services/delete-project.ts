import { eq } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { recordAudit } from '../../audit/index.js';
import { projects } from '../schema.js';
import { findProject } from './find-project.js';

export interface DeleteProjectOptions {
  projectId: string;
  actor: Actor;
}

/**
 * Deletes an empty project, audited. A project with apps is refused (409) rather than cascaded:
 * deleting apps revokes their keys and webhooks, which deserves a deliberate act per app.
 */
export async function deleteProject(tx: TenantTx, options: DeleteProjectOptions): Promise<void> {
  const { row, view } = await findProject(tx, options.projectId, { lock: 'update' });
  if (view.appCount > 0) {
    throw new ProblemError(
      'conflict',
      `The project "${row.name}" still has ${view.appCount} app${view.appCount === 1 ? '' : 's'}; delete them first.`,
    );
  }
  await tx.db.delete(projects).where(eq(projects.id, row.id));
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'project.deleted',
    target: { type: 'project', id: view.id, label: row.name },
    before: { name: row.name, description: row.description },
  });
}
