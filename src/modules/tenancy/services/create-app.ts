import type { TenantTx } from '../../../kernel/db/tenant.js';
import type { Actor } from '../../../kernel/http/actor.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { uuidv7 } from '../../../kernel/ids/uuidv7.js';
import { recordAudit } from '../../audit/index.js';
import { emitEvent } from '../../webhooks/index.js';
import type { APP_ENVIRONMENTS } from '../contract.js';
import { appCreatedEvent } from '../events.js';
import { apps } from '../schema.js';
import { normaliseAllowlist } from './allowlist.js';
import { findProject } from './find-project.js';
import { type AppView, presentApp } from './present.js';

export interface CreateAppOptions {
  projectId: string;
  name: string;
  description: string;
  environment: (typeof APP_ENVIRONMENTS)[number];
  ipAllowlist: string[];
  settings: Record<string, unknown>;
  actor: Actor;
}

/** A new app in one of the tenant's projects, audited; a name taken in that project is a 409. */
export async function createApp(tx: TenantTx, options: CreateAppOptions): Promise<AppView> {
  // Locked so that a concurrent deletion of the project waits for this app (and then refuses),
  // or wins first and makes this a 404, never a raw foreign-key error.
  const { row: project } = await findProject(tx, options.projectId, { lock: 'key share' });
  const [row] = await tx.db
    .insert(apps)
    .values({
      id: uuidv7(),
      tenantId: tx.tenantId,
      projectId: project.id,
      name: options.name,
      description: options.description,
      environment: options.environment,
      ipAllowlist: normaliseAllowlist(options.ipAllowlist),
      settings: options.settings,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw appNameTaken(options.name, project.name);
  const view = presentApp(row, project);
  await recordAudit(tx, tx.tenantId, options.actor, {
    action: 'app.created',
    target: { type: 'app', id: view.id, label: row.name },
    after: auditedFields(row),
    metadata: { project: view.project },
  });
  await emitEvent(tx, { tenantId: tx.tenantId, type: appCreatedEvent.type, data: appEventData(view) });
  return view;
}

/** An app in its events' data. */
export function appEventData(view: AppView) {
  return { id: view.id, projectId: view.project.id, name: view.name, environment: view.environment };
}

export function appNameTaken(name: string, projectName: string): ProblemError {
  return new ProblemError(
    'conflict',
    `An app named "${name}" already exists in the project "${projectName}".`,
  );
}

/** What the audit trail keeps of an app: everything a person changes. */
export function auditedFields(row: typeof apps.$inferSelect) {
  return {
    name: row.name,
    description: row.description,
    environment: row.environment,
    ipAllowlist: row.ipAllowlist,
    settings: row.settings,
  };
}
