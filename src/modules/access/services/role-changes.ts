import { and, eq, ne, sql } from 'drizzle-orm';
import type { TenantTx } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import { roles } from '../schema.js';

/** Role names are unique in a tenant, case-insensitively, built-in names included. */
export async function assertRoleNameFree(tx: TenantTx, name: string, exceptId?: string): Promise<void> {
  const [taken] = await tx.db
    .select({ name: roles.name })
    .from(roles)
    .where(
      and(
        eq(roles.tenantId, tx.tenantId),
        sql`lower(${roles.name}) = lower(${name})`,
        exceptId ? ne(roles.id, exceptId) : undefined,
      ),
    );
  if (taken) throw new ProblemError('conflict', `A role named "${taken.name}" already exists.`);
}

/** A stable key for a new custom role: its name's slug, numbered when the slug is taken. */
export async function freeRoleKey(tx: TenantTx, name: string): Promise<string> {
  const base = slugify(name);
  const { rows } = await tx.client.query<{ key: string }>(
    `SELECT key FROM roles WHERE tenant_id = $1 AND (key = $2 OR key LIKE $2 || '-%')`,
    [tx.tenantId, base],
  );
  const taken = new Set(rows.map((row) => row.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'role';
}
