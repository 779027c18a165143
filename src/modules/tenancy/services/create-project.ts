import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { projects } from '../schema.js';
import { type ProjectView, presentProject } from './present.js';

export interface CreateProjectOptions {
  name: string;
  description: string;
  actor: Actor;
}

/** A new project in the transaction's tenant, audited; a name already taken (any case) is a 409. */
export async function createProject(tx: TenantTx, options: CreateProjectOptions): Promise<ProjectView> {
  const [row] = await tx.db
    .insert(projects)
    .values({ id: uuidv7(), tenantId: tx.tenantId, name: options.name, description: options.description })
    .onConflictDoNothing()
    .returning();
  if (!row) throw nameTaken(options.name);
  const view = presentProject(row, 0);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'project.created',
    target: { type: 'project', id: view.id, label: row.name },
    after: { name: row.name, description: row.description },
  });
  return view;
}

export function nameTaken(name: string): ProblemError {
  return new ProblemError('conflict', `A project named "${name}" already exists in this tenant.`);
}
