import { createRoute } from '@hono/zod-openapi';
import { requestActor } from '../../../kernel/http/actor.js';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { problemContent } from '../../../kernel/http/schemas.js';
import { callerTenantTx } from '../../../kernel/http/tenant-context.js';
import { ACCESS_PERMISSIONS, CreateRoleRequestSchema, RoleSchema } from '../contract.js';
import { createRole } from '../services/create-role.js';
import { roleView } from '../services/role-store.js';
import { callerPermissions } from './caller.js';

export const createRoleRoute = defineRoute({
  route: createRoute({
    operationId: 'createRole',
    method: 'post',
    path: '/partner/roles',
    tags: ['Team'],
    summary: 'Create a custom role',
    description:
      'A role with a name and permissions from the catalogue (`GET /partner/permissions`). An unknown permission is a 400 naming it; a permission you do not hold yourself is a 403.',
    request: {
      body: { required: true, content: { 'application/json': { schema: CreateRoleRequestSchema } } },
    },
    responses: {
      201: { description: 'The new role.', content: { 'application/json': { schema: RoleSchema } } },
      409: problemContent('A role with this name already exists.'),
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.rolesManage),
  handler: async (c) => {
    const body = c.req.valid('json');
    const role = await callerTenantTx(c, (tx) =>
      createRole(tx, {
        modules: c.env.services.modules,
        ...body,
        held: callerPermissions(c),
        actor: requestActor(c),
      }),
    );
    return c.json(roleView(c.env.services.modules, role), 201);
  },
});
