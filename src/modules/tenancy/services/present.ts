import type { z } from '@hono/zod-openapi';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { AppSchema } from '../contract/apps.js';
import type { ProjectSchema } from '../contract/projects.js';
import type { apps, projects } from '../schema.js';

export type ProjectView = z.infer<typeof ProjectSchema>;
export type AppView = z.infer<typeof AppSchema>;
type ProjectRow = typeof projects.$inferSelect;
type AppRow = typeof apps.$inferSelect;

/** A project as the API shows it: public id, ISO times. */
export function presentProject(row: ProjectRow, appCount: number): ProjectView {
  return {
    id: toPublicId('project', row.id),
    name: row.name,
    description: row.description,
    appCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentApp(row: AppRow, project: { id: string; name: string }): AppView {
  return {
    id: toPublicId('app', row.id),
    project: { id: toPublicId('project', project.id), name: project.name },
    name: row.name,
    description: row.description,
    environment: row.environment as AppView['environment'],
    ipAllowlist: row.ipAllowlist,
    settings: row.settings as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The fields whose values differ, as before/after pairs for the audit trail. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | undefined {
  const changed = (Object.keys(after) as (keyof T)[]).filter(
    (key) => after[key] !== undefined && stableJson(after[key]) !== stableJson(before[key]),
  );
  if (changed.length === 0) return undefined;
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(changed.map((key) => [key, after[key]])) as Partial<T>,
  };
}

/** JSON with object keys sorted: jsonb reorders keys, and the order carries no meaning. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
