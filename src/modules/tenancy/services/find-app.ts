import { and, desc, eq, ilike, lt, type SQL } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { fromPublicId, toPublicId } from '../../../kernel/ids/public-id.js';
import type { APP_ENVIRONMENTS } from '../contract.js';
import { apps, projects } from '../schema.js';
import { notFound, uuidOrNotFound } from './ids.js';
import { type AppView, presentApp } from './present.js';

function selectApps(tx: TenantTx) {
  return tx.db
    .select({ app: apps, project: { id: projects.id, name: projects.name } })
    .from(apps)
    .innerJoin(projects, eq(projects.id, apps.projectId));
}

export interface ListAppsOptions {
  projectId?: string;
  environment?: (typeof APP_ENVIRONMENTS)[number];
  q?: string;
  limit: number;
  cursor?: string;
}

/** The tenant's apps, newest first (ids are UUIDv7, so id order is creation order), one page. */
export async function listApps(
  tx: TenantTx,
  options: ListAppsOptions,
): Promise<{ data: AppView[]; nextCursor: string | null }> {
  const filters: SQL[] = [eq(apps.tenantId, tx.tenantId)];
  if (options.projectId) filters.push(eq(apps.projectId, uuidOrNotFound('project', options.projectId)));
  if (options.environment) filters.push(eq(apps.environment, options.environment));
  if (options.q) filters.push(ilike(apps.name, `%${escapeLike(options.q)}%`));
  if (options.cursor) {
    const after = fromPublicId('app', options.cursor);
    if (!after) {
      const message = 'Not a cursor this list gave out.';
      throw new ProblemError('validation_failed', `query.cursor: ${message}`, {
        errors: [{ path: 'query.cursor', message }],
      });
    }
    filters.push(lt(apps.id, after));
  }
  const rows = await selectApps(tx)
    .where(and(...filters))
    .orderBy(desc(apps.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => presentApp(row.app, row.project)),
    nextCursor: rows.length > options.limit && last ? toPublicId('app', last.app.id) : null,
  };
}

/** One app of the tenant by public id, with its project; a 404 problem when it is not there. */
export async function findApp(
  tx: TenantTx,
  publicId: string,
): Promise<{ row: typeof apps.$inferSelect; project: { id: string; name: string }; view: AppView }> {
  const id = uuidOrNotFound('app', publicId);
  const [found] = await selectApps(tx).where(and(eq(apps.tenantId, tx.tenantId), eq(apps.id, id)));
  if (!found) throw notFound('app', publicId);
  return { row: found.app, project: found.project, view: presentApp(found.app, found.project) };
}

/** `%` and `_` in a search are literal characters, not patterns. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
