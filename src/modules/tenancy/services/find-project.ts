import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { apps, projects } from '../schema.js';
import { notFound, uuidOrNotFound } from './ids.js';
import { type ProjectView, presentProject } from './present.js';

function selectProjects(tx: TenantTx) {
  return tx.db
    .select({ project: projects, appCount: count(apps.id) })
    .from(projects)
    .leftJoin(apps, eq(apps.projectId, projects.id))
    .groupBy(projects.id);
}

/** The tenant's projects by name, each with its number of apps. */
export async function listProjects(tx: TenantTx): Promise<ProjectView[]> {
  const rows = await selectProjects(tx)
    .where(eq(projects.tenantId, tx.tenantId))
    .orderBy(asc(sql`lower(${projects.name})`), asc(projects.id));
  return rows.map((row) => presentProject(row.project, row.appCount));
}

/** One project of the tenant by public id; a 404 problem when it is not there. */
export async function findProject(
  tx: TenantTx,
  publicId: string,
  options: { lock?: 'update' | 'key share' } = {},
): Promise<{ row: typeof projects.$inferSelect; view: ProjectView }> {
  const id = uuidOrNotFound('project', publicId);
  if (options.lock) {
    // Deletion takes `update`, app creation `key share`: the two serialise, so an app is never
    // added to a project that is being deleted. (A grouped query cannot lock, hence two queries.)
    await tx.db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).for(options.lock);
  }
  const [found] = await selectProjects(tx).where(
    and(eq(projects.tenantId, tx.tenantId), eq(projects.id, id)),
  );
  if (!found) throw notFound('project', publicId);
  return { row: found.project, view: presentProject(found.project, found.appCount) };
}
