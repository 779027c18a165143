import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, RoleIdParamsSchema } from '../contract.js';
import { deleteRole } from '../services/delete-role.js';
import { requireId } from '../services/ids.js';

export const deleteRoleRoute = defineRoute({
  route: createRoute({
    operationId: 'deleteRole',
    method: 'delete',
    path: '/partner/roles/{roleId}',
    tags: ['Team'],
    summary: 'Delete a custom role',
    description:
      'Deletes a custom role that no member and no pending invitation uses. Built-in roles cannot be deleted.',
    request: { params: RoleIdParamsSchema },
    responses: {
      204: { description: 'Deleted.' },
      404: problemContent('No such role in this tenant.'),
      409: problemContent('A built-in role, or members or pending invitations still use it.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.rolesManage),
  handler: async (c) => {
    const roleId = requireId('role', c.req.valid('param').roleId, 'role');
    await callerTenantTx(c, (tx) =>
      deleteRole(tx, { modules: c.env.services.modules, roleId, actor: requestActor(c) }),
    );
    return c.body(null, 204);
  },
});
