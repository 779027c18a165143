import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, RoleIdParamsSchema, RoleSchema, UpdateRoleRequestSchema } from '../contract.js';
import { requireId } from '../services/ids.js';
import { roleView } from '../services/role-store.js';
import { updateRole } from '../services/update-role.js';
import { callerPermissions } from './caller.js';

export const updateRoleRoute = defineRoute({
  route: createRoute({
    operationId: 'updateRole',
    method: 'patch',
    path: '/partner/roles/{roleId}',
    tags: ['Team'],
    summary: 'Edit a custom role',
    description:
      'Changes a custom role’s name, description or permissions (the full new list); members holding it get the new permissions on their next request. Built-in roles cannot be edited (409).',
    request: {
      params: RoleIdParamsSchema,
      body: { required: true, content: { 'application/json': { schema: UpdateRoleRequestSchema } } },
    },
    responses: {
      200: { description: 'The role as it is now.', content: { 'application/json': { schema: RoleSchema } } },
      404: problemContent('No such role in this tenant.'),
      409: problemContent('A built-in role, or another role already has this name.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.rolesManage),
  handler: async (c) => {
    const body = c.req.valid('json');
    const roleId = requireId('role', c.req.valid('param').roleId, 'role');
    const role = await callerTenantTx(c, (tx) =>
      updateRole(tx, {
        modules: c.env.services.modules,
        roleId,
        ...body,
        held: callerPermissions(c),
        actor: requestActor(c),
      }),
    );
    return c.json(roleView(c.env.services.modules, role), 200);
  },
});
