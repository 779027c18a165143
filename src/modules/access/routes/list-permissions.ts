import { createRoute } from '@hono/zod-openapi';
import { defineRoute, requirePermission } from '../../../kernel/http/route.js';
import { ACCESS_PERMISSIONS, PermissionCatalogueSchema } from '../contract.js';
import { describePermissions } from '../services/describe-permissions.js';

export const listPermissionsRoute = defineRoute({
  route: createRoute({
    operationId: 'listPermissions',
    method: 'get',
    path: '/partner/permissions',
    tags: ['Team'],
    summary: 'The permission catalogue',
    description:
      'Every permission a tenant role can hold, from the enabled modules, with its description, its module and the built-in roles that hold it. Custom roles are built from this list; the permission matrix shows it.',
    responses: {
      200: {
        description: 'The catalogue.',
        content: { 'application/json': { schema: PermissionCatalogueSchema } },
      },
    },
  }),
  access: requirePermission(ACCESS_PERMISSIONS.teamRead),
  handler: (c) => c.json({ data: describePermissions(c.env.services.modules) }, 200),
});
