import { createRoute } from '@hono/zod-openapi';
import { authenticatedAccess, defineRoute } from '../../../kernel/http/route.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import { MyAccessSchema, OPERATOR_ROLES, type OperatorRole } from '../contract.js';

export const getMyAccessRoute = defineRoute({
  route: createRoute({
    operationId: 'getMyAccess',
    method: 'get',
    path: '/partner/access',
    tags: ['Team'],
    summary: 'What you may do',
    description:
      'The tenant the caller works in, their role there, their operator role if any, and every permission they hold. The dashboard reads it to hide what the role cannot do; the server refuses it regardless.',
    responses: {
      200: {
        description: 'The caller’s access.',
        content: { 'application/json': { schema: MyAccessSchema } },
      },
    },
  }),
  access: authenticatedAccess,
  handler: async (c) => {
    const principal = c.get('principal');
    const permissions = [...(principal?.permissions ?? [])].sort();
    const { rows } = await c.env.services.pool.query<{
      tenant_name: string | null;
      role_key: string | null;
      role_name: string | null;
      operator_role: string | null;
    }>(
      `SELECT t.name AS tenant_name, r.key AS role_key, r.name AS role_name,
              (SELECT role FROM operator_members WHERE user_id = $2) AS operator_role
         FROM (SELECT 1) AS one
         LEFT JOIN tenants t ON t.id = $1
         LEFT JOIN memberships m ON m.tenant_id = t.id AND m.user_id = $2
         LEFT JOIN roles r ON r.id = m.role_id`,
      [principal?.tenantId ?? null, principal?.kind === 'user' ? principal.id : null],
    );
    const row = rows[0];
    const operatorRole = OPERATOR_ROLES.find((role) => role === row?.operator_role) ?? null;
    return c.json(
      {
        tenant:
          principal?.tenantId && row?.tenant_name
            ? { id: toPublicId('tenant', principal.tenantId), name: row.tenant_name }
            : null,
        role: row?.role_key && row.role_name ? { key: row.role_key, name: row.role_name } : null,
        operatorRole: operatorRole as OperatorRole | null,
        permissions,
      },
      200,
    );
  },
});
