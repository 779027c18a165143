import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, RoleListSchema } from '../contract.js';
import { listRoleRows, roleView } from '../services/role-store.js';

export const listRolesRoute = defineRoute({
  route: createRoute({
    operationId: 'listRoles',
    method: 'get',
    path: '/partner/roles',
    tags: ['Team'],
    summary: 'List roles',
    description:
      'The tenant’s built-in roles (most powerful first) and custom roles (by name), each with its effective permissions and how many members and pending invitations use it.',
    responses: {
      200: { description: 'The roles.', content: { 'application/json': { schema: RoleListSchema } } },
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamRead),
  handler: async (c) => {
    const rows = await callerTenantTx(c, (tx) => listRoleRows(tx));
    return c.json({ data: rows.map((row) => roleView(c.env.services.modules, row)) }, 200);
  },
});
