import type { z } from 'zod';
import type { AppServices } from '../../../kernel/context.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { OperatorTenantQuerySchema, OperatorTenantSchema } from '../contract.js';

/** The console's filters; `id` (a UUID) narrows to one tenant, for answers about a single one. */
type Query = z.output<typeof OperatorTenantQuerySchema> & { id?: string };
type OperatorTenant = z.infer<typeof OperatorTenantSchema>;

/**
 * Every tenant, for operator staff: a system query across tenants (the operator console is the
 * one surface that spans them), with member, owner and invitation figures.
 */
export async function listTenants(services: AppServices, query: Query) {
  const filters: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    filters.push(sql.replace('?', `$${values.length}`));
  };
  if (query.q)
    add(`(t.name ILIKE ? OR t.contact_email ILIKE $${values.length + 1})`, `%${escapeLike(query.q)}%`);
  if (query.id) add('t.id = ?', query.id);
  if (query.type) add('t.type = ?', query.type);
  if (query.tier) add('t.tier = ?', query.tier);
  if (query.status) add('t.status = ?', query.status);
  const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
  values.push(query.limit, query.offset);
  const { rows } = await services.pool.query<{
    id: string;
    name: string;
    type: OperatorTenant['type'];
    tier: OperatorTenant['tier'];
    status: OperatorTenant['status'];
    contact_email: string | null;
    created_at: Date;
    members: number;
    owners: string[];
    pending: number;
    total: number;
  }>(
    `SELECT t.id, t.name, t.type, t.tier, t.status, t.contact_email, t.created_at,
            (SELECT count(*)::int FROM memberships m WHERE m.tenant_id = t.id) AS members,
            coalesce((SELECT array_agg(u.email ORDER BY u.email) FROM memberships m
                        JOIN roles r ON r.id = m.role_id AND r.key = 'owner'
                        JOIN auth_user u ON u.id = m.user_id
                       WHERE m.tenant_id = t.id), '{}') AS owners,
            (SELECT count(*)::int FROM invitations i
              WHERE i.tenant_id = t.id AND i.status = 'pending' AND i.expires_at > now()) AS pending,
            count(*) OVER ()::int AS total
       FROM tenants t ${where}
      ORDER BY lower(t.name), t.id
      LIMIT $${values.length - 1} OFFSET $${values.length}`,
    values,
  );
  return {
    total: rows[0]?.total ?? 0,
    data: rows.map(
      (row): OperatorTenant => ({
        id: toPublicId('tenant', row.id),
        name: row.name,
        type: row.type,
        tier: row.tier,
        status: row.status,
        contactEmail: row.contact_email,
        members: row.members,
        owners: row.owners,
        pendingInvitations: row.pending,
        createdAt: row.created_at.toISOString(),
      }),
    ),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
