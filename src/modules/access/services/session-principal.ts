import type { Context } from 'hono';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { AppEnv, Principal } from '../../../kernel/http/route.js';
import { isSameOriginChange } from '../../../kernel/http/same-origin.js';
import { getSessionUser } from '../../identity/index.js';
import { permissionCatalogue, rolePermissions } from './permission-catalogue.js';

interface AccessRow {
  operator_role: string | null;
  tenant_id: string | null;
  key: string | null;
  built_in: boolean | null;
  permissions: string[] | null;
}

/**
 * The signed-in user's principal: the session (better-auth), then in one query the tenant it works
 * in (the session's active tenant if still a member, else the first joined) with its role, and
 * the user's operator role. Permissions are the role's plus the operator role's.
 */
export async function sessionPrincipal(c: Context<AppEnv>): Promise<Principal | undefined> {
  const found = await getSessionUser(c);
  if (!found) return undefined;
  if (!isSameOriginChange(c)) {
    throw new ProblemError('forbidden', 'Cross-site request refused: the Origin header is not this site’s.');
  }
  const { services } = c.env;
  const { rows } = await services.pool.query<AccessRow>(
    `SELECT (SELECT role FROM operator_members WHERE user_id = $1) AS operator_role,
            m.tenant_id, r.key, r.built_in, r.permissions
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT m.tenant_id, m.role_id
           FROM memberships m JOIN tenants t ON t.id = m.tenant_id AND t.status = 'active'
          WHERE m.user_id = $1
          ORDER BY (m.tenant_id = $2) DESC NULLS LAST, m.joined_at
          LIMIT 1) AS m ON true
       LEFT JOIN roles r ON r.id = m.role_id`,
    [found.user.id, found.session.activeTenantId],
  );
  const row = rows[0];
  const permissions =
    row?.key != null
      ? rolePermissions(services.modules, {
          key: row.key,
          builtIn: row.built_in ?? false,
          permissions: row.permissions ?? [],
        })
      : new Set<string>();
  if (row?.operator_role) {
    for (const name of permissionCatalogue(services.modules).defaults.get(row.operator_role) ?? []) {
      permissions.add(name);
    }
  }
  return {
    kind: 'user',
    id: found.user.id,
    label: found.user.email,
    tenantId: row?.tenant_id ?? null,
    permissions,
    sessionId: found.session.id,
    userId: found.user.id,
  };
}
